package io.jcoro.benchmarks.loom;

import jdk.internal.vm.Continuation;

/**
 * A push consumer on {@code jdk.internal.vm.Continuation}: the course's primed coroutine.
 * {@link #send(Object)} stores the item and runs the body to its next {@link #receive()}.
 */
public final class ContinuationSink extends Continuation {
    private Object item;

    /**
     * Creates the sink and runs its body to its first receive.
     *
     * @param body loops on {@link #receive()}; finds this sink with {@link #current()}
     */
    public ContinuationSink(Runnable body) {
        super(ContinuationGenerator.SCOPE, body);
        run();
    }

    /** @return the sink whose body is running on this thread */
    public static ContinuationSink current() {
        return (ContinuationSink) Continuation.getCurrentContinuation(ContinuationGenerator.SCOPE);
    }

    /**
     * From the body: suspends until an item is sent.
     *
     * @return the item
     */
    public Object receive() {
        Continuation.yield(ContinuationGenerator.SCOPE);
        return item;
    }

    /**
     * Delivers one item and runs the body to its next receive.
     *
     * @param x the item
     * @throws IllegalStateException if the body has ended
     */
    public void send(Object x) {
        if (isDone()) {
            throw new IllegalStateException("sink has finished");
        }
        item = x;
        run();
    }
}
