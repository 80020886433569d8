package io.jcoro.bridge;

import io.jcoro.flow.StageException;
import io.jcoro.flow.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A push target in another process: the course's coprocess.py. It starts a child process
 * (usually a {@link ChildJvm}) whose program reads its standard input with
 * {@link Pipes#recvfrom}, and sends it every item with {@link Pipes#sendto}. What the child
 * prints on its standard output is copied, line by line as it comes, to a stream of this
 * process.
 *
 * <pre>{@code
 * try (Coprocess<Map<String, String>> busproc = Coprocess.start(
 *         ChildJvm.command(BusProc.class), Codec.stringMaps(), System.out)) {
 *     SaxSource.parse(doc, Buses.busesToDicts(busproc));
 * }
 * }</pre>
 *
 * <p>Closing it sends the end marker, waits for the child to exit and for its output to be
 * copied, and fails if the child exited with an error, quoting the end of its standard error.
 *
 * @param <T> the type of the items
 */
public final class Coprocess<T> implements Target<T> {
    private static final int STDERR_KEPT = 4096;

    private final Process process;
    private final String name;
    private final Target<T> sendto;
    private final Thread stdout;
    private final Thread stderr;
    /** The end of the child's standard error, kept for error messages. */
    private final StringBuilder errors;
    private volatile boolean closed;

    private Coprocess(Process process, String name, Target<T> sendto, Thread stdout, Thread stderr,
                      StringBuilder errors) {
        this.process = process;
        this.name = name;
        this.sendto = sendto;
        this.stdout = stdout;
        this.stderr = stderr;
        this.errors = errors;
    }

    /**
     * Starts the child and connects to its standard input.
     *
     * @param command the child's command; its standard streams are made pipes
     * @param codec   how items cross the pipe; the child must read with the same
     * @param output  where the child's standard output lines are printed
     * @param <T>     the type of the items
     * @return the target that sends to the child
     * @throws UncheckedIOException if the child cannot be started
     */
    public static <T> Coprocess<T> start(ProcessBuilder command, Codec<T> codec, PrintStream output) {
        Objects.requireNonNull(output, "output");
        Process process;
        try {
            process = command.redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.command() + ": " + e.getMessage(), e);
        }
        String name = "coprocess " + process.pid();
        StringBuilder errors = new StringBuilder();
        Thread out = copier(process.getInputStream(), output::println, name + " stdout");
        Thread err = copier(process.getErrorStream(), line -> keep(errors, line), name + " stderr");
        Target<T> sendto;
        try {
            sendto = Pipes.sendto(process.getOutputStream(), codec);
        } catch (UncheckedIOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("cannot start " + command.command() + ": " + e.getMessage(), e.getCause());
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return new Coprocess<>(process, name, sendto, out, err, errors);
    }

    private static Thread copier(InputStream in, Consumer<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the child is gone; its exit status tells the rest
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void keep(StringBuilder errors, String line) {
        synchronized (errors) {
            errors.append(line).append('\n');
            if (errors.length() > STDERR_KEPT) {
                errors.delete(0, errors.length() - STDERR_KEPT);
            }
        }
    }

    /**
     * Sends one item to the child.
     *
     * @throws StageException if it cannot be written (the message says whether the child has
     *                        exited, and quotes its standard error)
     */
    @Override
    public void send(T item) {
        try {
            sendto.send(item);
        } catch (StageException e) {
            throw childFailure("failed while sending", e);
        }
    }

    /**
     * Sends the end marker and waits for the child to finish and its output to be copied.
     *
     * @throws StageException if the stream cannot be ended or the child exits with an error
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        StageException failure = null;
        try {
            sendto.close();
        } catch (StageException e) {
            failure = e;
        } finally {
            if (failure == null) {
                awaitChild();
            }
        }
        if (failure != null) {
            // childFailure waits for the child itself
            throw childFailure("failed while closing", failure);
        }
        int status = process.exitValue();
        if (status != 0) {
            throw new StageException(name, name + " exited with status " + status + stderrTail(), null);
        }
    }

    private void awaitChild() {
        try {
            process.waitFor();
            stdout.join();
            stderr.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    private StageException childFailure(String what, StageException e) {
        closed = true;
        String status = "";
        try {
            awaitChild();
            status = " (it exited with status " + process.exitValue() + ")" + stderrTail();
        } catch (IllegalStateException interrupted) {
            status = " (interrupted while waiting for it)";
        }
        return new StageException(name, name + " " + what + ": " + e.getMessage() + status, e);
    }

    private String stderrTail() {
        synchronized (errors) {
            String tail = errors.toString().strip();
            return tail.isEmpty() ? "" : "; its standard error ends with:\n" + tail;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the child process */
    public Process process() {
        return process;
    }
}
