package io.jcoro.tests.fuzz.ref;

import io.jcoro.core.PrimitiveYield;
import io.jcoro.tests.fuzz.ReferenceRun;

/**
 * The reference variant's {@code LongGenerator}: its {@code yield}, an ordinary call that hands
 * the driver what a plain {@code Generator} gets from a body's {@code LongGenerator.yield}, the
 * kind {@link PrimitiveYield#LONG} (the value travels as bits only a {@code LongGenerator} reads).
 */
public final class LongGenerator {
    private LongGenerator() {
    }

    /**
     * @param value the value (traced by the program before, if at all)
     * @param <S> what the program takes the sent value as
     * @return the value sent in
     */
    @SuppressWarnings("unchecked")
    public static <S> S yield(long value) {
        return (S) ReferenceRun.current().onYield(PrimitiveYield.LONG);
    }
}
