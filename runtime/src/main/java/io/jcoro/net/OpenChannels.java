package io.jcoro.net;

import io.jcoro.sched.Kernel;
import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.SelectableChannel;
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

    /**
     * Closes a channel of this package and counts it closed: through the scheduler running on
     * this thread, if any (so it leaves the selector and a task waiting on it is told), or
     * directly.
     */
    static void close(SelectableChannel channel) {
        OPEN.decrementAndGet();
        Kernel k = Kernel.current();
        if (k != null) {
            k.closeChannel(channel);
        } else {
            closeQuietly(channel);
        }
    }

    /** Closes a channel, ignoring a failure to close (there is nothing left to do with it). */
    static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already broken; closing was all that was left to do
        }
    }
}
