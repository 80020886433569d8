package io.jcoro.tests.fuzz.ref;

import io.jcoro.core.PrimitiveYield;
import io.jcoro.tests.fuzz.ReferenceRun;

/**
 * The reference variant's {@code IntGenerator}: its {@code yield}, an ordinary call that hands
 * the driver what a plain {@code Generator} gets from a body's {@code IntGenerator.yield}, the
 * kind {@link PrimitiveYield#INT} (the value travels as bits only a {@code IntGenerator} reads).
 */
public final class IntGenerator {
    private IntGenerator() {
    }

    /**
     * @param value the value (traced by the program before, if at all)
     * @param <S> what the program takes the sent value as
     * @return the value sent in
     */
    @SuppressWarnings("unchecked")
    public static <S> S yield(int value) {
        return (S) ReferenceRun.current().onYield(PrimitiveYield.INT);
    }
}
