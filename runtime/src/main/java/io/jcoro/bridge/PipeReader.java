package io.jcoro.bridge;

import io.jcoro.core.Coroutine;
import io.jcoro.sched.Syscalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A stream that tasks read without blocking their scheduler: a subprocess's standard output or
 * error ({@link Subprocess#stdout()}, {@link Subprocess#stderr()}), this process's standard
 * input ({@link StandardInput}), or any blocking stream ({@link #start}). Python's
 * {@code asyncio.StreamReader}, trio's {@code ReceiveStream}.
 *
 * <p>A pipe of {@link Process} (or {@code System.in}) is a blocking {@link InputStream}, not a
 * selectable channel, so a daemon <em>pump thread</em> reads it into a bounded buffer, and
 * {@link #recv} and {@link #readLine} take from that buffer. When the buffer is empty, the calling
 * task waits suspended ({@link Syscalls#await} of a future the pump completes when bytes arrive),
 * and the other tasks run. When it is full, the pump stops reading until a task takes some: the
 * writer at the other end then blocks on a full pipe (back-pressure), and this process never holds
 * more than the buffer's size.
 *
 * <ul>
 *   <li><b>End of stream</b>: everything read before the end is returned first; then
 *       {@code recv} returns an empty array and {@code readLine} null, every time.
 *   <li><b>Failure</b>: an {@link IOException} of the pump comes out of the read that finds it,
 *       as an {@link UncheckedIOException} naming the stream, after the bytes read before it.
 *   <li><b>Deadlines and cancellation</b>: every wait is a task suspension, so a
 *       {@link io.jcoro.sched.CancelScope} deadline or a cancellation ends it. Bytes leave the
 *       buffer only when a read returns them: a read that is cancelled takes nothing, and the
 *       next read gets every byte, in order.
 *   <li><b>Outside a task</b> (a plain thread, or a generator that is not a task), a read blocks
 *       its thread instead. Call the reads from the task's own {@code @Coroutine} code, not from
 *       inside a {@code Generator} the task iterates (the wait would suspend that generator).
 * </ul>
 *
 * <p>Any number of tasks (and threads) may read; each read is served whole, in no particular
 * order between readers.
 */
public final class PipeReader {
    private static final byte[] END = new byte[0];
    private static final int CHUNK = 8192;

    private final String name;
    private final InputStream in;
    private final byte[] ring;
    private final Thread pump;
    /** The first buffered byte's index in {@link #ring}, and how many are buffered. */
    private int head;
    private int count;
    /** How many buffered bytes {@link #readLine} has already searched for a newline. */
    private int scanned;
    private boolean ended;
    private IOException failure;
    private boolean closed;
    /** The waiting readers, woken when the buffer changes. */
    private final Wakeups changed = new Wakeups();

    private PipeReader(String name, InputStream in, int bufferSize) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("a pipe buffer needs at least 1 byte, not " + bufferSize);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.in = Objects.requireNonNull(in, "in");
        this.ring = new byte[bufferSize];
        this.pump = new Thread(this::pump, "jcoro-pump " + name);
        pump.setDaemon(true);
    }

    /**
     * Starts pumping {@code in} on a daemon thread of its own ({@code jcoro-pump NAME}), for
     * tasks to read: any blocking stream, not only a subprocess's (a device, a stream a library
     * hands out).
     *
     * @param name       the stream's name, in messages and in the thread's name ("stdout of process 42")
     * @param in         the stream; the reader owns it, and its thread closes it at the end, on a
     *                   failure, or after {@link #close()}
     * @param bufferSize how many bytes the buffer holds: the most read ahead, and the longest line
     * @return the reader, its thread started
     */
    public static PipeReader start(String name, InputStream in, int bufferSize) {
        PipeReader r = new PipeReader(name, in, bufferSize);
        r.pump.start();
        return r;
    }

    /**
     * @param name the stream's name
     * @return a reader at the end of its stream, with no thread: a stream that is not piped
     */
    static PipeReader ended(String name) {
        PipeReader r = new PipeReader(name, InputStream.nullInputStream(), 1);
        r.ended = true;
        return r;
    }

    /**
     * Receives what has arrived, up to {@code maxBytes}, suspending the task until at least one
     * byte is there; Python's {@code reader.read(n)}, a socket's {@code recv}.
     *
     * @param maxBytes the most to return, at least 1
     * @return the bytes; empty at the end of the stream
     * @throws UncheckedIOException if reading the stream failed (after the bytes read before),
     *                              or the reader is closed
     * @throws io.jcoro.sched.Cancelled if the task is cancelled or a deadline passes while it
     *                              waits; nothing was taken
     */
    @Coroutine
    public byte[] recv(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("recv needs maxBytes >= 1, not " + maxBytes);
        }
        for (;;) {
            Object got = take(maxBytes);
            if (got instanceof byte[] data) {
                Syscalls.checkpoint();
                return data;
            }
            await(signal(got), "recv from ");
        }
    }

    /**
     * Reads one line, suspending the task until a whole line is there: the bytes up to a
     * {@code \n}, decoded as UTF-8, without the {@code \n} (or {@code \r\n}); a last line with no
     * terminator is returned at the end of the stream. Java's {@code BufferedReader.readLine},
     * not Python's {@code readline} (which keeps the {@code \n} and returns {@code ""} at the end).
     *
     * @return the line, or null at the end of the stream
     * @throws UncheckedIOException if a line is longer than the buffer (its bytes stay buffered,
     *                              for {@link #recv}; asyncio's {@code StreamReader} has the
     *                              same limit, 64 KiB by default), if reading the stream failed,
     *                              or the reader is closed
     * @throws io.jcoro.sched.Cancelled if the task is cancelled or a deadline passes while it
     *                              waits; nothing was taken, the partial line included
     */
    @Coroutine
    public String readLine() {
        for (;;) {
            Object got = takeLine();
            if (got instanceof String line) {
                Syscalls.checkpoint();
                return line;
            }
            if (got == END) {
                return null;
            }
            await(signal(got), "readLine from ");
        }
    }

    /**
     * Stops reading: waiting and later reads throw {@link UncheckedIOException} and the buffer is
     * dropped; the pump thread closes the stream and ends when its read returns (at once if it
     * waits for room; for a subprocess, when the child dies). Never blocks; does nothing the
     * second time.
     */
    public void close() {
        List<CompletableFuture<Void>> wake;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            count = 0;
            wake = changed.takeAll();
            notifyAll(); // a pump waiting for room
        }
        Wakeups.wake(wake);
        // the pump closes the stream when its read returns: closing it here could wait for that read
    }

    /** @return how many bytes are buffered, read from the stream and not yet returned */
    public synchronized int buffered() {
        return count;
    }

    /** @return whether the buffer is empty and the stream has ended (or failed, or is closed) */
    public synchronized boolean isAtEnd() {
        return count == 0 && (ended || failure != null || closed);
    }

    /** @return the stream's name */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "PipeReader[" + name + "]";
    }

    // ---- the task side: take from the buffer, or say what to wait for ---------------------------

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Void> signal(Object got) {
        return (CompletableFuture<Void>) got;
    }

    @Coroutine
    private void await(CompletableFuture<Void> wakeup, String what) {
        try {
            PipeWait.await(wakeup, what + name);
        } finally {
            forget(wakeup); // cancelled, or timed out: this reader no longer waits
        }
    }

    private synchronized void forget(CompletableFuture<Void> wakeup) {
        changed.remove(wakeup);
    }

    /** @return the bytes, {@link #END}, or the future to await */
    private synchronized Object take(int max) {
        if (count > 0) {
            int n = Math.min(max, count);
            byte[] data = new byte[n];
            copyOut(data, n);
            return data;
        }
        Object end = endOrFailure();
        return end != null ? end : waitForChange();
    }

    /** @return the line, {@link #END}, or the future to await */
    private synchronized Object takeLine() {
        for (; scanned < count; scanned++) {
            if (ring[(head + scanned) % ring.length] == '\n') {
                byte[] line = new byte[scanned + 1];
                copyOut(line, line.length);
                int len = line.length - 1;
                if (len > 0 && line[len - 1] == '\r') {
                    len--;
                }
                return new String(line, 0, len, StandardCharsets.UTF_8);
            }
        }
        if (count > 0 && (ended || failure != null)) {
            byte[] last = new byte[count]; // the last line, unterminated: a failure comes next time
            copyOut(last, count);
            return new String(last, StandardCharsets.UTF_8);
        }
        if (count == ring.length) {
            throw new UncheckedIOException(new IOException("readLine from " + name + ": a line longer than "
                    + ring.length + " bytes (they stay buffered; recv reads them)"));
        }
        Object end = endOrFailure();
        return end != null ? end : waitForChange();
    }

    /** Takes {@code n} buffered bytes into {@code dst}, and lets the pump read on if it waits for room. */
    private void copyOut(byte[] dst, int n) {
        int first = Math.min(n, ring.length - head);
        System.arraycopy(ring, head, dst, 0, first);
        System.arraycopy(ring, 0, dst, first, n - first);
        head = (head + n) % ring.length;
        count -= n;
        scanned = Math.max(0, scanned - n);
        if (count + n == ring.length) {
            notifyAll(); // the buffer was full: the pump waits for room
        }
    }

    /** With the buffer empty: END, a failure thrown, or null if more may come. */
    private Object endOrFailure() {
        if (closed) {
            throw new UncheckedIOException(new IOException("read from " + name + ": the reader is closed"));
        }
        if (failure != null) {
            throw new UncheckedIOException("read from " + name + " failed: " + failure.getMessage(), failure);
        }
        return ended ? END : null;
    }

    private CompletableFuture<Void> waitForChange() {
        return changed.add();
    }

    // ---- the pump thread ---------------------------------------------------------------------------

    private void pump() {
        byte[] chunk = new byte[Math.min(CHUNK, ring.length)];
        IOException error = null;
        try {
            for (int room; (room = awaitRoom()) > 0; ) {
                int n = in.read(chunk, 0, Math.min(room, chunk.length));
                if (n < 0) {
                    break;
                }
                put(chunk, n);
            }
        } catch (IOException e) {
            error = e;
        } finally {
            finish(error);
            closeQuietly();
        }
    }

    /** @return the room in the buffer once there is some, or 0 if the reader was closed */
    private synchronized int awaitRoom() {
        boolean interrupted = false;
        while (count == ring.length && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // nobody but close() stops a pump; it notifies
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return closed ? 0 : ring.length - count;
    }

    private void put(byte[] chunk, int n) {
        List<CompletableFuture<Void>> wake;
        synchronized (this) {
            if (closed) {
                return;
            }
            int tail = (head + count) % ring.length;
            int first = Math.min(n, ring.length - tail);
            System.arraycopy(chunk, 0, ring, tail, first);
            System.arraycopy(chunk, first, ring, 0, n - first);
            count += n;
            wake = changed.takeAll();
        }
        Wakeups.wake(wake); // outside the lock: completing runs the waiters' wake-ups
    }

    private void finish(IOException error) {
        List<CompletableFuture<Void>> wake;
        synchronized (this) {
            if (closed) {
                return; // a read failing because close() closed the stream is no failure
            }
            if (error == null) {
                ended = true;
            } else {
                failure = error;
            }
            wake = changed.takeAll();
        }
        Wakeups.wake(wake);
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException e) {
            // closing after the end or a failure: nothing more to learn from it
        }
    }
}
