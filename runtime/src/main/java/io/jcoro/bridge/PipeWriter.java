package io.jcoro.bridge;

import io.jcoro.core.Coroutine;
import io.jcoro.sched.Syscalls;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A stream that tasks write without blocking their scheduler: a subprocess's standard input
 * ({@link Subprocess#stdin()}). Python's {@code asyncio.StreamWriter}, trio's {@code SendStream}.
 *
 * <p>The pipe to a {@link Process} is a blocking {@link OutputStream}, so {@link #sendAll} copies
 * the bytes into a bounded buffer and a daemon thread (started at the first send) writes them to
 * the pipe. While the buffer is full, because the child does not read, the sending task waits
 * suspended and the other tasks run: back-pressure, with never more than the buffer's size held
 * here. The thread flushes whenever it has written everything buffered, so a line sent reaches
 * the child without waiting for more.
 *
 * <ul>
 *   <li><b>End</b>: {@link #close()} lets the thread write what is buffered and then closes the
 *       pipe: the child reads the end of its input. It never suspends.
 *   <li><b>Failure</b>: a write that fails (the child exited: a broken pipe) drops the buffer,
 *       and the next {@code sendAll} throws {@link UncheckedIOException} naming the stream.
 *   <li><b>Deadlines and cancellation</b>: a {@code sendAll} that waits for room is a task
 *       suspension, so a {@link io.jcoro.sched.CancelScope} deadline or a cancellation ends it.
 *       The bytes taken before the wait stay buffered and are written: a cancelled
 *       {@code sendAll} has sent a prefix of its data, as a cancelled socket {@code sendall}
 *       has; {@link #sent()} says how much in all.
 *   <li><b>Outside a task</b> a {@code sendAll} that must wait blocks its thread.
 * </ul>
 */
public final class PipeWriter {
    private static final int CHUNK = 8192;

    private final String name;
    private final OutputStream out;
    private final byte[] ring;
    private Thread writer;
    private int head;
    private int count;
    private long sent;
    /** No more sends: the thread writes what is buffered, then closes the pipe. */
    private boolean ending;
    /** Dropped: nothing more is written. */
    private boolean aborted;
    private IOException failure;
    /** The waiting senders, woken when room is made (or the stream fails or is dropped). */
    private final Wakeups room = new Wakeups();

    /**
     * A writer of {@code out} for tasks: any blocking stream, not only a subprocess's input. Its
     * thread ({@code jcoro-pump NAME}) starts at the first send.
     *
     * @param name       the stream's name, in messages and in the thread's name ("stdin of process 42")
     * @param out        the stream; the writer owns it, and closes it after {@link #close()} or a failure
     * @param bufferSize how many bytes the buffer holds: the most a send hands over before it waits
     * @return the writer
     */
    public static PipeWriter start(String name, OutputStream out, int bufferSize) {
        return new PipeWriter(name, out, bufferSize);
    }

    private PipeWriter(String name, OutputStream out, int bufferSize) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("a pipe buffer needs at least 1 byte, not " + bufferSize);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.out = Objects.requireNonNull(out, "out");
        this.ring = new byte[bufferSize];
    }

    /**
     * Sends all of {@code data}, suspending the task while the buffer is full.
     *
     * @param data the bytes
     * @throws UncheckedIOException if the pipe failed (the child exited) or is closed
     * @throws io.jcoro.sched.Cancelled if the task is cancelled or a deadline passes while it
     *                              waits; the bytes taken before stay buffered and are written
     */
    @Coroutine
    public void sendAll(byte[] data) {
        sendAll(data, 0, data.length);
    }

    /**
     * Sends {@code length} bytes of {@code data} from {@code offset}, as {@link #sendAll(byte[])}.
     *
     * @param data   the bytes
     * @param offset where to start
     * @param length how many
     */
    @Coroutine
    public void sendAll(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int off = offset;
        int left = length;
        while (left > 0) {
            Object got = offer(data, off, left);
            if (got instanceof Integer n) {
                off += n;
                left -= n;
            } else {
                @SuppressWarnings("unchecked")
                CompletableFuture<Void> wakeup = (CompletableFuture<Void>) got;
                try {
                    PipeWait.await(wakeup, "send to " + name);
                } finally {
                    forget(wakeup); // cancelled, or timed out: this sender no longer waits
                }
            }
        }
        Syscalls.checkpoint();
    }

    /**
     * Sends {@code text} encoded as UTF-8, as {@link #sendAll(byte[])}.
     *
     * @param text the text (add the {@code \n} of a line yourself)
     */
    @Coroutine
    public void send(String text) {
        sendAll(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Ends the stream: what is buffered is written, then the pipe is closed and the child reads
     * the end of its input. Never suspends; does nothing the second time.
     */
    public void close() {
        boolean closeNow;
        synchronized (this) {
            if (ending || aborted) {
                return;
            }
            ending = true;
            closeNow = writer == null; // nothing was ever sent: no thread to do it
            notifyAll();
        }
        if (closeNow) {
            closeQuietly();
        }
    }

    /**
     * Drops what is buffered and closes the pipe; senders waiting for room, and later sends,
     * throw {@link UncheckedIOException}. For {@link Subprocess#close()}, after the child is
     * killed (a write in progress then fails at once, and the thread ends). Never blocks.
     */
    void abort() {
        List<CompletableFuture<Void>> wake;
        boolean closeNow;
        synchronized (this) {
            if (aborted) {
                return;
            }
            aborted = true;
            count = 0;
            wake = room.takeAll();
            closeNow = writer == null && !ending;
            notifyAll();
        }
        Wakeups.wake(wake);
        if (closeNow) {
            closeQuietly(); // else the thread closes it: here a close could wait for its write to return
        }
    }

    /** @return how many bytes were handed over by sends (written, or buffered to be written) */
    public synchronized long sent() {
        return sent;
    }

    /** @return how many bytes are buffered, not yet written to the pipe */
    public synchronized int buffered() {
        return count;
    }

    /** @return the stream's name */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "PipeWriter[" + name + "]";
    }

    /** @return how many bytes were taken (an {@code Integer}), or the future to await for room */
    private synchronized Object offer(byte[] data, int off, int len) {
        if (failure != null) {
            throw new UncheckedIOException("send to " + name + " failed: " + failure.getMessage(), failure);
        }
        if (ending || aborted) {
            throw new UncheckedIOException(new IOException("send to " + name + ": the stream is closed"));
        }
        int free = ring.length - count;
        if (free == 0) {
            return room.add();
        }
        int n = Math.min(free, len);
        int tail = (head + count) % ring.length;
        int first = Math.min(n, ring.length - tail);
        System.arraycopy(data, off, ring, tail, first);
        System.arraycopy(data, off + first, ring, 0, n - first);
        count += n;
        sent += n;
        if (writer == null) {
            writer = new Thread(this::write, "jcoro-pump " + name);
            writer.setDaemon(true);
            writer.start();
        } else {
            notifyAll();
        }
        return n;
    }

    // ---- the writing thread ------------------------------------------------------------------------

    private void write() {
        byte[] chunk = new byte[Math.min(CHUNK, ring.length)];
        try {
            for (int n; (n = takeChunk(chunk)) > 0; ) {
                out.write(chunk, 0, n);
                if (isEmpty()) {
                    out.flush(); // everything sent so far reaches the child now
                }
            }
        } catch (IOException e) {
            failed(e);
        } finally {
            closeQuietly();
        }
    }

    /** @return how many bytes were moved to {@code chunk}, waiting for some; 0 at the end */
    private int takeChunk(byte[] chunk) {
        List<CompletableFuture<Void>> wake;
        int n;
        synchronized (this) {
            boolean interrupted = false;
            while (count == 0 && !ending && !aborted) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // only close and abort stop the thread; both notify
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (aborted || count == 0) {
                return 0;
            }
            n = Math.min(count, chunk.length);
            int first = Math.min(n, ring.length - head);
            System.arraycopy(ring, head, chunk, 0, first);
            System.arraycopy(ring, 0, chunk, first, n - first);
            head = (head + n) % ring.length;
            count -= n;
            wake = room.takeAll();
        }
        Wakeups.wake(wake); // outside the lock: completing runs the senders' wake-ups
        return n;
    }

    private synchronized void forget(CompletableFuture<Void> wakeup) {
        room.remove(wakeup);
    }

    private synchronized boolean isEmpty() {
        return count == 0;
    }

    private void failed(IOException e) {
        List<CompletableFuture<Void>> wake;
        synchronized (this) {
            if (aborted) {
                return; // the pipe was closed under the write on purpose
            }
            failure = e;
            count = 0;
            wake = room.takeAll();
        }
        Wakeups.wake(wake);
    }

    private void closeQuietly() {
        try {
            out.close();
        } catch (IOException e) {
            // a broken pipe's buffered bytes cannot be flushed: the failure is already recorded
        }
    }
}
