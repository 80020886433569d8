package io.jcoro.core;

/**
 * A coroutine body with a return value, Python's {@code return value} in a generator; the
 * generator keeps it as {@link Generator#returnValue()} and a delegating caller receives it from
 * {@link Co#yieldFrom(Generator)}. Lambdas and method references of this type are instrumented
 * without any annotation.
 *
 * <p>As a {@link CoRunnable}, the body may throw any exception, checked ones included; it comes
 * out of the generator's {@code next}, {@code send}, {@code throwIn} or {@code close} unchanged.
 * The price, as for {@link java.util.concurrent.Callable}: code that calls {@code get()} itself
 * must handle or declare {@code Exception} (see {@link CoRunnable}).
 *
 * @param <R> the type of the return value
 * @see Generator#returning(CoSupplier)
 */
@FunctionalInterface
public interface CoSupplier<R> {
    /**
     * Runs the body; it may suspend anywhere, at any depth, and finally returns a value.
     *
     * @return the generator's return value
     * @throws Exception whatever the body throws, passed on unchanged
     */
    @Coroutine
    R get() throws Exception;
}
