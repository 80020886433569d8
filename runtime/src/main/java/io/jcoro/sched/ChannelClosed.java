package io.jcoro.sched;

/**
 * Thrown by a send on a closed {@link Channel}, and in a sender that was waiting when the channel
 * closed: trio's {@code ClosedResourceError}, Go's "send on closed channel". The item was not
 * delivered.
 */
public class ChannelClosed extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message the operation and the channel */
    public ChannelClosed(String message) {
        super(message);
    }
}
