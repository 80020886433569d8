package io.jcoro.net;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the channels opened through this package ({@link Listener}s and {@link Connection}s)
 * that have not been closed yet, in the whole JVM: a leak check for servers and tests.
 */
public final class OpenChannels {
    private static final AtomicInteger OPEN = new AtomicInteger();

    private OpenChannels() {
    }

    /** @return how many listeners and connections are open now */
    public static int count() {
        return OPEN.get();
    }

    static void opened() {
        OPEN.incrementAndGet();
    }

    static void closed() {
        OPEN.decrementAndGet();
    }
}
