package io.jcoro.tests.fuzz.ref;

/**
 * The reference variant's stand-in for {@code io.jcoro.core.CoSupplier}: a plain supplier.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface CoSupplier<R> {
    /** @return the result */
    R get();
}
