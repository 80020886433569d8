package io.jcoro.bridge;

import io.jcoro.core.Coroutine;
import java.io.UncheckedIOException;

/**
 * This process's standard input, read by tasks without blocking their scheduler: Python's
 * {@code sys.stdin} through {@code asyncio}'s {@code connect_read_pipe}, trio's
 * {@code wrap_file(sys.stdin)}.
 *
 * <pre>{@code
 * sched.spawn(() -> {
 *     for (String line; (line = StandardInput.readLine()) != null; ) {   // null: end of input
 *         commands.send(line);
 *     }
 * });
 * }</pre>
 *
 * <p>One shared {@link PipeReader} over {@link System#in} (as it is at the first use), with one
 * daemon pump thread ({@code jcoro-pump stdin}) started at the first read, reads ahead at most
 * {@value Subprocess#DEFAULT_BUFFER} bytes: while a task waits for a line, the other tasks run,
 * and a read cancelled by a deadline leaves every byte for the next one. Lines are decoded as
 * UTF-8 and returned without their terminator; the end of input is {@code null} from
 * {@link #readLine()} (Java's {@code BufferedReader} convention, where Python's
 * {@code readline} returns {@code ""}) and an empty array from {@link #recv}. Once this reader
 * has started, it owns {@code System.in}: read it only through here.
 */
public final class StandardInput {
    private static PipeReader reader;

    private StandardInput() {
    }

    /**
     * @return the shared reader of standard input, its pump started on the first call (it is
     *         never closed: standard input is the process's)
     */
    public static synchronized PipeReader reader() {
        if (reader == null) {
            reader = PipeReader.start("stdin", System.in, Subprocess.DEFAULT_BUFFER);
        }
        return reader;
    }

    /**
     * Reads one line of standard input, suspending the task until it is there.
     *
     * @return the line without its terminator, or null at the end of input
     * @throws UncheckedIOException if standard input cannot be read, or a line is longer than
     *                              the buffer (its bytes stay buffered, for {@link #recv})
     */
    @Coroutine
    public static String readLine() {
        return reader().readLine();
    }

    /**
     * Receives what has arrived on standard input, up to {@code maxBytes}, suspending the task
     * until at least one byte is there.
     *
     * @param maxBytes the most to return, at least 1
     * @return the bytes; empty at the end of input
     * @throws UncheckedIOException if standard input cannot be read
     */
    @Coroutine
    public static byte[] recv(int maxBytes) {
        return reader().recv(maxBytes);
    }
}
