package io.jcoro.bridge;

import io.jcoro.core.Coroutine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * A child process that tasks of a {@link io.jcoro.sched.Scheduler} talk to without blocking the
 * scheduler: Python's {@code asyncio.create_subprocess_exec}, trio's {@code open_process}. Its
 * reads, writes and {@link #waitFor()} are {@code @Coroutine} methods that suspend only the
 * calling task.
 *
 * <pre>{@code
 * try (Subprocess sort = Subprocess.start(new ProcessBuilder("sort"))) {
 *     sort.send("pear\napple\n");
 *     sort.closeStdin();                                   // sort answers at the end of its input
 *     for (String line; (line = sort.readLine()) != null; ) out.println(line);
 *     int status = sort.waitFor();
 * }                                                        // kills it, if it still runs
 * }</pre>
 *
 * <p>The pipes of a {@link Process} are blocking streams, not selectable channels, so each piped
 * stream has a daemon thread: one reads standard output into a bounded buffer ({@link PipeReader}),
 * one standard error unless it is redirected, and one writes standard input from a bounded buffer
 * ({@link PipeWriter}, started at the first send). They hand over to the task through futures it
 * {@linkplain io.jcoro.sched.Syscalls#await awaits}. Both buffers are bounded
 * ({@link #start(ProcessBuilder, int)}): a child that writes faster than the tasks read is held by
 * its full pipe, and a task that writes faster than the child reads waits. Nothing read is lost:
 * a read cancelled by a deadline takes nothing, and the end of the stream comes after every byte.
 *
 * <p>Deadlines and cancellation ({@link io.jcoro.sched.CancelScope}) end any wait. As with
 * {@code asyncio}, a child that fills a pipe nobody reads stops, so read what it writes (or
 * redirect it in the {@code ProcessBuilder}: a stream not piped has no thread, and reads as ended)
 * before waiting for its exit. {@link #close()} kills the child and its descendants and releases
 * the threads; it never suspends, so it is safe in {@code finally} blocks.
 */
public final class Subprocess implements AutoCloseable {
    /** The default size of each stream's buffer, and so the longest line (asyncio's limit). */
    public static final int DEFAULT_BUFFER = 64 * 1024;

    private final Process process;
    private final String name;
    private final PipeReader stdout;
    private final PipeReader stderr;
    private final PipeWriter stdin;
    /** The tasks waiting for the exit, woken by one callback on {@link Process#onExit()}. */
    private final Wakeups exitWaiters = new Wakeups();
    private boolean watchingExit;
    private boolean exited;
    private boolean closed;

    private Subprocess(Process process, String name, ProcessBuilder builder, int bufferSize) {
        this.process = process;
        this.name = name;
        this.stdout = builder.redirectOutput() == Redirect.PIPE
                ? PipeReader.start("stdout of " + name, process.getInputStream(), bufferSize)
                : PipeReader.ended("stdout of " + name);
        this.stderr = builder.redirectError() == Redirect.PIPE && !builder.redirectErrorStream()
                ? PipeReader.start("stderr of " + name, process.getErrorStream(), bufferSize)
                : PipeReader.ended("stderr of " + name);
        this.stdin = PipeWriter.start("stdin of " + name, process.getOutputStream(), bufferSize);
    }

    /**
     * Starts a child process, with a buffer of {@value #DEFAULT_BUFFER} bytes per stream. Starting
     * does not suspend (it forks at once). Streams the builder redirects (to a file, inherited, or
     * standard error into standard output) read as ended at once here.
     *
     * @param builder the command, directory, environment and redirections
     * @return the running child
     * @throws UncheckedIOException if it cannot be started (no such program, ...)
     */
    public static Subprocess start(ProcessBuilder builder) {
        return start(builder, DEFAULT_BUFFER);
    }

    /**
     * Starts a child process, as {@link #start(ProcessBuilder)}, with buffers of {@code bufferSize}
     * bytes: how far the pump threads read ahead, how much a send holds, and the longest line
     * {@link #readLine()} accepts.
     *
     * @param builder    the command, directory, environment and redirections
     * @param bufferSize each stream's buffer, at least 1 byte
     * @return the running child
     * @throws UncheckedIOException if it cannot be started
     */
    public static Subprocess start(ProcessBuilder builder, int bufferSize) {
        Objects.requireNonNull(builder, "builder");
        if (bufferSize < 1) {
            throw new IllegalArgumentException("a pipe buffer needs at least 1 byte, not " + bufferSize);
        }
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command() + ": " + e.getMessage(), e);
        }
        return new Subprocess(p, "process " + p.pid() + " (" + program(builder.command()) + ")", builder, bufferSize);
    }

    private static String program(List<String> command) {
        String first = command.isEmpty() ? "?" : command.get(0);
        String base = first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1);
        return command.size() == 1 ? base : base + " " + command.subList(1, command.size()).stream()
                .limit(3).collect(Collectors.joining(" ")) + (command.size() > 4 ? " ..." : "");
    }

    /** @return the child's standard output, for {@code recv} and {@code readLine} */
    public PipeReader stdout() {
        return stdout;
    }

    /** @return the child's standard error (ended at once if the builder redirects it) */
    public PipeReader stderr() {
        return stderr;
    }

    /** @return the child's standard input */
    public PipeWriter stdin() {
        return stdin;
    }

    /**
     * Receives what the child wrote on its standard output, up to {@code maxBytes}, suspending
     * the task until at least one byte is there: {@code stdout().recv(maxBytes)}.
     *
     * @param maxBytes the most to return, at least 1
     * @return the bytes; empty at the end of the child's output
     */
    @Coroutine
    public byte[] recv(int maxBytes) {
        return stdout.recv(maxBytes);
    }

    /**
     * Reads a line of the child's standard output: {@code stdout().readLine()}.
     *
     * @return the line without its terminator, or null at the end of the child's output
     */
    @Coroutine
    public String readLine() {
        return stdout.readLine();
    }

    /**
     * Sends bytes to the child's standard input, suspending the task while its buffer is full:
     * {@code stdin().sendAll(data)}.
     *
     * @param data the bytes
     */
    @Coroutine
    public void sendAll(byte[] data) {
        stdin.sendAll(data);
    }

    /**
     * Sends text to the child's standard input, as UTF-8: {@code stdin().send(text)}.
     *
     * @param text the text
     */
    @Coroutine
    public void send(String text) {
        stdin.send(text);
    }

    /**
     * Ends the child's standard input once what was sent is written: the child reads the end of
     * its input. Never suspends.
     */
    public void closeStdin() {
        stdin.close();
    }

    /**
     * Waits, suspending the task, until the child exits, and returns its exit status. It waits
     * for the exit only, not for its output to be read (a child blocked on a full pipe never
     * exits: read its output first).
     *
     * @return the exit status (by convention 0 for success; 128 + the signal's number on Unix
     *         for a child killed by a signal)
     * @throws io.jcoro.sched.Cancelled if the task is cancelled or a deadline passes first; the
     *                              child runs on
     */
    @Coroutine
    public int waitFor() {
        for (;;) {
            CompletableFuture<Void> wakeup = exitWait();
            if (wakeup == null) {
                return process.exitValue();
            }
            try {
                PipeWait.await(wakeup, "waitFor " + name);
            } finally {
                forgetExitWait(wakeup); // cancelled, or timed out: this task no longer waits
            }
        }
    }

    /** @return null if the child has exited, else a future completed when it does */
    private synchronized CompletableFuture<Void> exitWait() {
        if (!watchingExit) {
            watchingExit = true; // one callback for every wait: no dependent piles up per waitFor
            process.onExit().thenRun(this::exited); // may run at once, here
        }
        return exited ? null : exitWaiters.add();
    }

    private synchronized void forgetExitWait(CompletableFuture<Void> wakeup) {
        exitWaiters.remove(wakeup);
    }

    private void exited() {
        List<CompletableFuture<Void>> wake;
        synchronized (this) {
            exited = true;
            wake = exitWaiters.takeAll();
        }
        Wakeups.wake(wake);
    }

    /** @return whether the child is still running */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return the child's process id */
    public long pid() {
        return process.pid();
    }

    /** @return the {@link Process}, for what this class does not offer (its streams belong to the pump threads) */
    public Process process() {
        return process;
    }

    /**
     * Kills the child if it still runs, and its descendants (forcibly: {@code SIGKILL} on Unix),
     * drops what is buffered and releases the threads: the pumps end when their pipes close,
     * which the kill does. Tasks still reading or writing get {@link UncheckedIOException}.
     * Never suspends; does nothing the second time. To let the child finish, close its input and
     * {@link #waitFor()} it first.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList()); // before
        // the child dies: its orphans would be re-parented and not found any more
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        stdin.abort();
        stdout.close();
        stderr.close();
    }

    @Override
    public String toString() {
        return "Subprocess[" + name + (closed ? ", closed" : "") + "]";
    }
}
