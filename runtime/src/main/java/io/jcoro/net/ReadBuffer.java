package io.jcoro.net;

import java.nio.ByteBuffer;

/**
 * The buffer every {@link Connection#recv(int)} on a thread reads into before copying out
 * exactly what arrived: one direct buffer per scheduler thread instead of one per connection,
 * so that an idle connection holds no buffer at all. It is only used between a read and the
 * copy, never across a suspension.
 */
final class ReadBuffer {
    /** The most one {@code recv} returns. */
    static final int SIZE = 64 * 1024;

    private static final ThreadLocal<ByteBuffer> BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(SIZE));

    private ReadBuffer() {
    }

    /** @return this thread's buffer, cleared, with room for at most {@code max} bytes */
    static ByteBuffer take(int max) {
        ByteBuffer b = BUFFER.get();
        b.clear();
        if (max < SIZE) {
            b.limit(max);
        }
        return b;
    }
}
