package io.jcoro.flow;

import io.jcoro.core.Sink;
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
 * <h2>One consumer type</h2>
 * Every function of this package that pushes items somewhere ({@link Sources}, {@link Filters},
 * {@link Follow#sendTo}, {@link Stage#of}) takes a {@link Consumer}, which a {@code Target}, a
 * core {@link Sink} (the course's {@code @coroutine} consumer, {@code Sink.of(...)}) and a plain
 * lambda all are, and adapts it with {@link #of(Consumer)}: a {@code Sink.of} printer plugs
 * into {@code Follow.sendTo}, {@code Sources.feed} or {@code Filters.grep} as a {@link Stage}
 * does.
 *
 * @param <T> the type of the items it receives
 */
public interface Target<T> extends Consumer<T>, AutoCloseable {

    /**
     * The target for any consumer, as the functions of this package adapt what they are given:
     * <ul>
     *   <li>a {@code Target} (a {@link Stage}, a thread bridge) is itself;
     *   <li>a core {@link Sink} becomes a stage named {@code "sink"}: closing it closes the sink
     *       (its {@code finally} blocks run), a failure of its body is a {@link StageException}.
     *       The same sink always gets the same stage while that stage is in use, so a sink fed by
     *       several stages (fan-in) closes once, after the last of them;
     *   <li>any other {@link Consumer} (a lambda, {@code System.out::println}, a collection's
     *       {@code add}) becomes a target named {@code "consumer"} that calls it; closing that
     *       target stops it taking items, and closes nothing else (a plain consumer has nothing
     *       to close).
     * </ul>
     *
     * @param consumer what receives the items
     * @param <T>      the type of the items
     * @return the target
     */
    static <T> Target<T> of(Consumer<T> consumer) {
        if (consumer instanceof Target<T> t) {
            return t;
        }
        if (consumer instanceof Sink<T> s) {
            return SinkStages.of(s);
        }
        return new ConsumerTarget<>(consumer);
    }

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
