package io.jcoro.sched;

/**
 * Thrown by {@link Channel#receive()} when the channel is closed and every item in it has been
 * received: trio's {@code EndOfChannel}, Kotlin's {@code ClosedReceiveChannelException}. It is
 * the normal end of a stream of items, not a failure; {@link Channel#receiveOrNull()} returns
 * null instead.
 */
public class EndOfChannel extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message which channel */
    public EndOfChannel(String message) {
        super(message);
    }
}
