package io.jcoro.bridge;

import io.jcoro.flow.StageException;
import io.jcoro.flow.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
 * <p>Nothing is lost silently, and nothing waits for ever ({@link CoprocessLimits}):
 * <ul>
 *   <li>A line of output longer than the limit is not held whole: the copying stops, the child
 *       is killed, and the next {@code send} and {@code close} fail saying so. Whatever else
 *       stops the copying fails them the same way.
 *   <li>A child that exits at once (a wrong class, a crash at start-up) is reported with its
 *       exit status and the end of its standard error, at start or at the first send.
 *   <li>A {@code send} (or the end marker) that the child does not read within the send
 *       timeout kills the child and fails; a child that has not exited within the close
 *       timeout after its input ended is killed, and {@code close} fails.
 * </ul>
 *
 * @param <T> the type of the items
 */
public final class Coprocess<T> implements Target<T> {
    /** How much of the child's standard error is kept for messages. */
    private static final int STDERR_KEPT = 4096;
    /** How often the watchdog looks for a send in progress when none was. */
    private static final long WATCH_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** No send in progress. */
    private static final long IDLE = 0;
    /** A send deadline the watchdog has acted on. */
    private static final long KILLED = -1;

    private final Process process;
    private final String name;
    private final CoprocessLimits limits;
    private final Target<T> sendto;
    private final OutputCopier stdout;
    private final OutputCopier stderr;
    /** Deadlines count nanoseconds from here, so that a real one is always positive. */
    private final long epoch = System.nanoTime();
    /** When the send in progress times out (nanoseconds since epoch), IDLE or KILLED. */
    private final AtomicLong sendDeadline = new AtomicLong(IDLE);
    private final Thread watchdog;
    private volatile boolean closed;

    private Coprocess(Process process, String name, CoprocessLimits limits, Target<T> sendto,
                      OutputCopier stdout, OutputCopier stderr) {
        this.process = process;
        this.name = name;
        this.limits = limits;
        this.sendto = sendto;
        this.stdout = stdout;
        this.stderr = stderr;
        this.watchdog = new Thread(this::watch, name + " watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * Starts the child with the {@linkplain CoprocessLimits#DEFAULT default limits}.
     *
     * @param command the child's command; its standard streams are made pipes
     * @param codec   how items cross the pipe; the child must read with the same
     * @param output  where the child's standard output lines are printed
     * @param <T>     the type of the items
     * @return the target that sends to the child
     * @throws UncheckedIOException if the child cannot be started, or exits at once
     */
    public static <T> Coprocess<T> start(ProcessBuilder command, Codec<T> codec, PrintStream output) {
        return start(command, codec, output, CoprocessLimits.DEFAULT);
    }

    /**
     * Starts the child and connects to its standard input.
     *
     * @param command the child's command; its standard streams are made pipes
     * @param codec   how items cross the pipe; the child must read with the same
     * @param output  where the child's standard output lines are printed
     * @param limits  line length and timeouts
     * @param <T>     the type of the items
     * @return the target that sends to the child
     * @throws UncheckedIOException if the child cannot be started, or exits before the stream
     *                              header can be written (the message gives its exit status
     *                              and the end of its standard error)
     */
    public static <T> Coprocess<T> start(ProcessBuilder command, Codec<T> codec, PrintStream output,
                                         CoprocessLimits limits) {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(limits, "limits");
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
        OutputCopier err = OutputCopier.tail(process.getErrorStream(), STDERR_KEPT, name + " stderr");
        // An output line over the limit kills the child: its output can no longer be copied
        // whole, and a child blocked writing to a pipe nobody reads would never exit.
        OutputCopier out = OutputCopier.lines(process.getInputStream(), limits.maxLineChars(), output::println,
                name + " stdout", process::destroyForcibly);
        Target<T> sendto;
        try {
            sendto = Pipes.sendto(process.getOutputStream(), codec);
        } catch (UncheckedIOException e) {
            String status = exitStatus(process, err, limits);
            process.destroyForcibly();
            throw new UncheckedIOException("cannot start " + command.command() + ": " + e.getMessage() + status,
                    e.getCause());
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return new Coprocess<>(process, name, limits, sendto, out, err);
    }

    /** Waits (within the close timeout) for a child whose pipe broke: " (it exited ...)". */
    private static String exitStatus(Process process, OutputCopier stderr, CoprocessLimits limits) {
        try {
            if (!process.waitFor(limits.closeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return " (it is still running)";
            }
            stderr.join(limits.closeTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return " (interrupted while waiting for it)";
        }
        return " (it exited with status " + process.exitValue() + ")" + tail(stderr);
    }

    private static String tail(OutputCopier stderr) {
        String tail = stderr.tailText();
        return tail.isEmpty() ? "" : "; its standard error ends with:\n" + tail;
    }

    /**
     * Kills the child when a send has waited longer than the send timeout: its pipe then
     * breaks, and the blocked write fails. A pipe's write cannot be interrupted otherwise.
     */
    private void watch() {
        while (!closed || sendDeadline.get() > 0) {
            long deadline = sendDeadline.get();
            if (deadline <= 0) {
                LockSupport.parkNanos(this, WATCH_IDLE_NANOS);
                continue;
            }
            long left = deadline - (System.nanoTime() - epoch);
            if (left > 0) {
                LockSupport.parkNanos(this, left);
            } else if (sendDeadline.compareAndSet(deadline, KILLED)) {
                process.destroyForcibly();
                return;
            }
        }
    }

    /** Runs a write to the child under the send timeout. */
    private void timed(Runnable write) {
        long deadline = System.nanoTime() - epoch + limits.sendTimeout().toNanos();
        if (!sendDeadline.compareAndSet(IDLE, deadline)) {
            // the watchdog has killed the child already: the write fails on the broken pipe
            write.run();
            return;
        }
        try {
            write.run();
        } finally {
            sendDeadline.compareAndSet(deadline, IDLE);
        }
    }

    /**
     * Sends one item to the child.
     *
     * @throws StageException if it cannot be written, or the child's output could not be copied
     *                        (the message says whether the child has exited, and quotes its
     *                        standard error), or the child read nothing within the send timeout
     */
    @Override
    public void send(T item) {
        throwCopierFailure();
        try {
            timed(() -> sendto.send(item));
        } catch (StageException e) {
            throw childFailure("failed while sending", e);
        }
    }

    /**
     * Sends the end marker and waits, within the close timeout, for the child to finish and
     * its output to be copied.
     *
     * @throws StageException if the stream cannot be ended, the child exits with an error or
     *                        not in time (it is then killed), or its output could not be copied
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        StageException failure = null;
        try {
            timed(sendto::close);
        } catch (StageException e) {
            failure = e;
        }
        closed = true;
        if (failure != null) {
            throw childFailure("failed while closing", failure);
        }
        String late = awaitChild();
        throwCopierFailure();
        if (late != null) {
            throw new StageException(name, name + " " + late + tail(stderr), null);
        }
        int status = process.exitValue();
        if (status != 0) {
            throw new StageException(name, name + " exited with status " + status + tail(stderr), null);
        }
    }

    /**
     * Waits for the child to exit and its output to be copied, killing it if it takes longer
     * than the close timeout.
     *
     * @return null, or what went wrong
     */
    private String awaitChild() {
        long millis = limits.closeTimeout().toMillis();
        try {
            String late = null;
            if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(millis, TimeUnit.MILLISECONDS);
                late = "did not exit within " + TimedInput.describe(limits.closeTimeout())
                        + " of the end of its input (CoprocessLimits.closeTimeout), and was killed";
            }
            // After the exit the pipes end, unless the child left a process of its own holding them.
            if (!stdout.join(millis) || !stderr.join(millis)) {
                late = late != null ? late : "exited, but its output did not end within "
                        + TimedInput.describe(limits.closeTimeout()) + " (a process it started holds it open?)";
            }
            return late;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        } finally {
            LockSupport.unpark(watchdog);
        }
    }

    private void throwCopierFailure() {
        Throwable f = stdout.failure();
        if (f != null) {
            closed = true;
            process.destroyForcibly();
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // the child is dead: its input can only be discarded
            }
            throw new StageException(name, name + ": its output could not be copied, and it was killed: "
                    + f.getMessage(), f);
        }
    }

    private StageException childFailure(String what, StageException e) {
        closed = true;
        String status;
        if (sendDeadline.get() == KILLED) {
            status = ": it read nothing for " + TimedInput.describe(limits.sendTimeout())
                    + " (CoprocessLimits.sendTimeout), and was killed";
        } else {
            status = "";
        }
        try {
            String late = awaitChild();
            status += late != null ? " (it " + late + ")"
                    : " (it exited with status " + process.exitValue() + ")";
            status += tail(stderr);
        } catch (IllegalStateException interrupted) {
            status += " (interrupted while waiting for it)";
        }
        Throwable copier = stdout.failure();
        if (copier != null) {
            status += "; its output could not be copied: " + copier.getMessage();
        }
        return new StageException(name, name + " " + what + ": " + e.getMessage() + status, e);
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
