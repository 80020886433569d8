package io.jcoro.sched;

import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.Objects;

/**
 * Suspends the task until a non-blocking channel is writable (a connecting socket: has
 * connected or failed), or its timeout passes:
 * {@code boolean ready = Co.yield(new WriteWait(channel, Duration.ofSeconds(30)));} then write. The yield returns {@code true} when the channel is ready, {@code false} when the
 * timeout passed first. See {@link Kernel#writeWait}.
 *
 * @param channel a channel in non-blocking mode
 * @param timeout how long to wait at most, or null to wait for ever
 */
public record WriteWait(SelectableChannel channel, Duration timeout) implements SystemCall {
    /**
     * @param channel a channel in non-blocking mode
     * @param timeout how long to wait at most, or null to wait for ever
     */
    public WriteWait {
        Objects.requireNonNull(channel, "channel");
    }

    /** @param channel a channel in non-blocking mode, to wait for without a timeout */
    public WriteWait(SelectableChannel channel) {
        this(channel, null);
    }

    @Override
    public void handle(Kernel kernel, Task task) {
        kernel.writeWait(task, channel);
        if (timeout != null) {
            kernel.timeoutAt(task, kernel.now() + Kernel.nanos(timeout));
        }
    }
}
