package io.jcoro.sched;

import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.Objects;

/**
 * Suspends the task until a non-blocking channel is readable (a server socket: a connection
 * can be accepted), or its timeout passes:
 * {@code boolean ready = Co.yield(new ReadWait(channel, Duration.ofSeconds(30)));} then read. The yield returns {@code true} when the channel is ready, {@code false} when the
 * timeout passed first. See {@link Kernel#readWait}.
 *
 * @param channel a channel in non-blocking mode
 * @param timeout how long to wait at most, or null to wait for ever
 */
public record ReadWait(SelectableChannel channel, Duration timeout) implements SystemCall {
    /**
     * @param channel a channel in non-blocking mode
     * @param timeout how long to wait at most, or null to wait for ever
     */
    public ReadWait {
        Objects.requireNonNull(channel, "channel");
    }

    /** @param channel a channel in non-blocking mode, to wait for without a timeout */
    public ReadWait(SelectableChannel channel) {
        this(channel, null);
    }

    @Override
    public void handle(Kernel kernel, Task task) {
        kernel.readWait(task, channel);
        if (timeout != null) {
            kernel.timeoutAt(task, kernel.now() + Kernel.nanos(timeout));
        }
    }
}
