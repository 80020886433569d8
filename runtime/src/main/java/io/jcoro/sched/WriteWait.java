package io.jcoro.sched;

import java.nio.channels.SelectableChannel;
import java.util.Objects;

/**
 * Suspends the task until a non-blocking channel can be written (a connecting socket: has
 * connected or failed) without blocking: {@code Co.yield(new WriteWait(channel));} then write.
 * See {@link Kernel#writeWait}.
 *
 * @param channel a channel in non-blocking mode
 */
public record WriteWait(SelectableChannel channel) implements SystemCall {
    /** @param channel a channel in non-blocking mode */
    public WriteWait {
        Objects.requireNonNull(channel, "channel");
    }

    @Override
    public void handle(Kernel kernel, Task task) {
        kernel.writeWait(task, channel);
    }
}
