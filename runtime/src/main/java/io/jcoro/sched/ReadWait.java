package io.jcoro.sched;

import java.nio.channels.SelectableChannel;
import java.util.Objects;

/**
 * Suspends the task until a non-blocking channel can be read (a server socket: accepted) without
 * blocking: {@code Co.yield(new ReadWait(channel));} then read. See {@link Kernel#readWait}.
 *
 * @param channel a channel in non-blocking mode
 */
public record ReadWait(SelectableChannel channel) implements SystemCall {
    /** @param channel a channel in non-blocking mode */
    public ReadWait {
        Objects.requireNonNull(channel, "channel");
    }

    @Override
    public void handle(Kernel kernel, Task task) {
        kernel.readWait(task, channel);
    }
}
