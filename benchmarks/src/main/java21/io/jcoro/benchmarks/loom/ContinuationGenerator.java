package io.jcoro.benchmarks.loom;

import java.util.NoSuchElementException;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * A generator on {@code jdk.internal.vm.Continuation}, the one-shot delimited continuation that
 * virtual threads are built on: {@link #advance()} runs the body until it calls
 * {@link #yieldValue(Object)}, which freezes its frames to the heap. Written for speed: the body
 * gets the generator once ({@link #current()}) and passes it down, so a yield is a field store
 * and {@code Continuation.yield}.
 */
public final class ContinuationGenerator extends Continuation {
    /** The one scope every benchmark continuation uses; nested ones yield the innermost. */
    static final ContinuationScope SCOPE = new ContinuationScope("jcoro-benchmarks");

    private Object value;

    /** @param body the generator's body; it finds this generator with {@link #current()} */
    public ContinuationGenerator(Runnable body) {
        super(SCOPE, body);
    }

    /** @return the generator whose body is running on this thread */
    public static ContinuationGenerator current() {
        return (ContinuationGenerator) Continuation.getCurrentContinuation(SCOPE);
    }

    /**
     * From the body: hands {@code v} out and suspends until the next {@link #advance()}.
     *
     * @param v the value {@link #value()} returns
     */
    public void yieldValue(Object v) {
        value = v;
        Continuation.yield(SCOPE);
    }

    /** @return true if the body yielded, false if it ended */
    public boolean advance() {
        run();
        return !isDone();
    }

    /** @return the last value yielded */
    public Object value() {
        return value;
    }

    /**
     * @return the next value yielded
     * @throws NoSuchElementException if the body ended
     */
    public Object next() {
        if (!advance()) {
            throw new NoSuchElementException("the continuation is done");
        }
        return value;
    }
}
