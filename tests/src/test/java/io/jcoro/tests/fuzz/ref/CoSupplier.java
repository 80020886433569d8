package io.jcoro.tests.fuzz.ref;

/**
 * The reference variant's stand-in for {@code io.jcoro.core.CoSupplier}: a plain supplier.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface CoSupplier<R> {
    /**
     * @return the result
     * @throws Exception as the real one declares (the programs' lambdas throw none)
     */
    R get() throws Exception;
}
