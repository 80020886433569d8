package io.jcoro.flow;

import java.util.function.Consumer;

/**
 * The receiving end of a push pipeline: what a source, or an upstream stage, sends items to.
 * In the course this is any coroutine with {@code send} and {@code close}; here it is usually a
 * {@link Stage} (a named coroutine), but a plain object or a thread bridge can be one too.
 *
 * <p>Closing runs downstream: a stage that closes tells each target it feeds through
 * {@link #upstreamClosed()}. A target fed by several stages (fan-in) counts them with
 * {@link #addUpstream()} and closes when the last one has closed, so every stage of a pipeline
 * is closed exactly once, after everything that feeds it.
 *
 * @param <T> the type of the items it receives
 */
public interface Target<T> extends Consumer<T>, AutoCloseable {

    /**
     * Delivers one item.
     *
     * @param item the item
     * @throws StageException        if a stage failed on it (the message names the stage)
     * @throws IllegalStateException if the target is closed
     */
    void send(T item);

    /** Closes the target now, and through it every target downstream; does nothing if closed. */
    @Override
    void close();

    /** @return whether the target is closed (no more items can be sent) */
    boolean isClosed();

    /** @return the name used in error messages */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * Records that one more stage sends to this target; stages call it on the targets they are
     * built with. The default does nothing: the target closes at the first upstream close.
     */
    default void addUpstream() {
    }

    /**
     * Called by an upstream stage as it closes. The default closes this target; targets that
     * count their upstreams close when the last one has called this.
     */
    default void upstreamClosed() {
        close();
    }

    /** Same as {@link #send(Object)}, so a target plugs into {@code forEach}. */
    @Override
    default void accept(T item) {
        send(item);
    }
}
