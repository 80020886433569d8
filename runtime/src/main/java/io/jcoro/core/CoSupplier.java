package io.jcoro.core;

/**
 * A coroutine body with a return value, Python's {@code return value} in a generator; the
 * generator keeps it as {@link Generator#returnValue()} and a delegating caller receives it from
 * {@link Co#yieldFrom(Generator)}. Lambdas and method references of this type are instrumented
 * without any annotation.
 *
 * @param <R> the type of the return value
 * @see Generator#of(CoSupplier)
 */
@FunctionalInterface
public interface CoSupplier<R> {
    /** Runs the body; it may suspend anywhere, at any depth, and finally returns a value. */
    @Coroutine
    R get();
}
