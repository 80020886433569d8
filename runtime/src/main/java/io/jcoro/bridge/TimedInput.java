package io.jcoro.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stream whose reads can time out, over one whose reads cannot (a pipe's read blocks until
 * the peer writes, and nothing in Java interrupts it). A daemon thread does the blocking
 * reads and hands the chunks over through a small queue; the reader waits for a chunk for
 * ever while {@link #timed} is off (between items), and at most the timeout while it is on.
 *
 * <p>After a timeout the pumping thread may still be blocked in the underlying read; closing
 * this stream closes the underlying one, which releases it where the stream allows.
 */
final class TimedInput extends InputStream {
    private static final byte[] EOF = new byte[0];
    private static final int CHUNK = 64 << 10;

    private final InputStream in;
    private final Duration timeout;
    /** Chunks read, EOF at the end; a failure of the underlying read travels as {@link #failure}. */
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(4);
    private volatile IOException failure;
    private byte[] chunk = new byte[0];
    private int pos;
    private boolean ended;
    /** Whether a read now may wait at most {@link #timeout}. */
    boolean timed;

    TimedInput(InputStream in, Duration timeout, String name) {
        this.in = in;
        this.timeout = timeout;
        Thread pump = new Thread(this::pump, name);
        pump.setDaemon(true);
        pump.start();
    }

    private void pump() {
        byte[] buffer = new byte[CHUNK];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (n > 0) {
                    chunks.put(Arrays.copyOf(buffer, n));
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            return;
        }
        try {
            chunks.put(EOF);
        } catch (InterruptedException e) {
            // nobody is reading any more
        }
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        byte[] next;
        try {
            next = timed ? chunks.poll(timeout.toNanos(), TimeUnit.NANOSECONDS) : chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the peer");
        }
        if (next == null) {
            throw new StalledException(timeout, "an item");
        }
        if (next == EOF) {
            ended = true;
            if (failure != null) {
                throw failure;
            }
            return false;
        }
        chunk = next;
        pos = 0;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (pos == chunk.length && !fill()) {
            return -1;
        }
        return chunk[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == chunk.length && !fill()) {
            return -1;
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
    }

    Duration timeout() {
        return timeout;
    }

    @Override
    public int available() {
        return chunk.length - pos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The peer sent nothing for the whole timeout in the middle of an item. */
    static final class StalledException extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        StalledException(Duration timeout, String where) {
            super("the peer sent nothing for " + describe(timeout) + " in the middle of " + where
                    + " (ReadLimits.itemTimeout); the stream is closed");
        }
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
