package io.jcoro.primitive;

import io.jcoro.core.Co;
import io.jcoro.core.CoRunnable;
import io.jcoro.core.CoSupplier;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.PrimitiveYield;
import io.jcoro.core.StopIteration;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.DoubleStream;
import java.util.stream.StreamSupport;

/**
 * A generator of {@code double}s that yields without boxing: a {@link PrimitiveIterator.OfDouble}
 * with a {@link DoubleStream} view, and the protocol of {@link Generator} value by value.
 *
 * <pre>{@code
 * DoubleGenerator halves = DoubleGenerator.of(() -> {
 *     for (double x = 1; x > 0; x /= 2) {
 *         DoubleGenerator.yield(x);           // Python's yield x
 *     }
 * });
 * halves.stream().limit(3).sum();             // 1.75
 * }</pre>
 *
 * <p>The body is any coroutine body, as for {@link Generator#of(CoRunnable)}, and yields with
 * {@link #yield(double)} at any depth of {@code @Coroutine} calls. A body that yields an object
 * with {@code Co.yield}, or another kind of primitive, makes the call that ran it throw {@link
 * IllegalStateException} naming where it yielded. Like a {@link Generator} it may be advanced
 * from any thread, one at a time; a concurrent advance is refused ("generator already
 * executing"), a value fetched by {@code hasNext()} included. Left out, on purpose:
 * {@code remove} (as everywhere in jcoro), and an auto-closing variant (close it, or use a
 * try-with-resources, or the stream).
 */
public final class DoubleGenerator extends PrimitiveGenerator implements PrimitiveIterator.OfDouble {
    private DoubleGenerator(Generator<Object> generator) {
        super(generator, PrimitiveYield.DOUBLE);
    }

    /**
     * Creates a double generator from a body that returns nothing. It does not start until advanced.
     *
     * @param body the coroutine body, yielding with {@link #yield(double)}
     * @return the new generator
     */
    public static DoubleGenerator of(CoRunnable body) {
        return new DoubleGenerator(Generator.of(body));
    }

    /**
     * Creates a double generator from a body that returns a value, kept as {@link #returnValue()}.
     *
     * @param body the coroutine body, yielding with {@link #yield(double)}
     * @return the new generator
     */
    public static DoubleGenerator returning(CoSupplier<?> body) {
        return new DoubleGenerator(Generator.returning(body));
    }

    /**
     * Yields {@code value} to whoever advanced the generator and suspends until it is advanced
     * again; Python's {@code received = yield value}, with no {@code Double} made.
     *
     * @param value the value {@link #nextDouble()} or {@link #send(Object)} returns
     * @param <S>   the type the caller sends in (unchecked, as Python's)
     * @return the value sent in by {@code send(x)}, or {@code null} after {@code nextDouble()}
     * @throws io.jcoro.core.GeneratorExit when the generator is being closed (let it propagate)
     * @throws IllegalStateException outside any generator, or from a method that is not
     *         instrumented, as {@code Co.yield}; in a plain {@link Generator} it yields
     *         {@link PrimitiveYield#DOUBLE}, which that generator's caller gets
     */
    @Coroutine
    public static <S> S yield(double value) {
        // An intrinsic: the agent replaces the call in the calling coroutine, so this body runs
        // only when called from code that was not instrumented.
        throw PrimitiveYield.DOUBLE.notInstrumented(DoubleGenerator.class);
    }

    /**
     * Yields every value of {@code sub} in turn and returns its return value, Python's
     * {@code result = yield from sub}: {@code send}, {@code throwIn} and {@code close} on this
     * generator go into {@code sub} while it runs (see {@link Co#yieldFrom(Generator)}).
     *
     * @param sub the double generator to run to completion
     * @param <R> the type of its return value (unchecked)
     * @return its return value
     */
    @Coroutine
    public static <R> R yieldFrom(DoubleGenerator sub) {
        return Co.yieldFrom(sub.generator()); // a value fetched by sub.hasNext() comes first
    }

    /**
     * Runs the body to its next yield and returns the value.
     *
     * @return the value yielded
     * @throws StopIteration if the body returns (carrying its return value) or had finished
     */
    @Override
    public double nextDouble() {
        return Double.longBitsToDouble(nextBits());
    }

    /**
     * Resumes the body with {@code value} as the result of the yield it waits in; Python's
     * {@code g.send(value)}.
     *
     * @param value what the pending {@link #yield(double)} returns
     * @return the next value yielded
     * @throws StopIteration if the body returns or had finished
     * @see Generator#send(Object)
     */
    public double send(Object value) {
        return Double.longBitsToDouble(sendBits(value));
    }

    /**
     * Raises {@code error} at the suspension point; Python's {@code g.throw(error)}.
     *
     * @param error the exception to raise inside the body
     * @return the next value yielded, if the body catches it and yields again
     * @see Generator#throwIn(Throwable)
     */
    public double throwIn(Throwable error) {
        return Double.longBitsToDouble(throwInBits(error));
    }

    /** @return a sequential stream of the values still to come; closing it closes the generator */
    public DoubleStream stream() {
        return StreamSupport.doubleStream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
                .onClose(this::close);
    }
}
