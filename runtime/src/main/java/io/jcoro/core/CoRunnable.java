package io.jcoro.core;

/**
 * A coroutine body that returns nothing: the usual shape of a generator or consumer body.
 * Lambdas and method references of this type are instrumented without any annotation.
 *
 * @see Generator#of(CoRunnable)
 */
@FunctionalInterface
public interface CoRunnable {
    /** Runs the body; it may suspend anywhere, at any depth. */
    @Coroutine
    void run();
}
