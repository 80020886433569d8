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
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/**
 * A generator of {@code int}s that yields without boxing: a {@link PrimitiveIterator.OfInt}
 * with an {@link IntStream} view, and the protocol of {@link Generator} value by value.
 *
 * <pre>{@code
 * @Coroutine
 * static void countdown(int n) {
 *     while (n > 0) {
 *         IntGenerator.yield(n--);            // Python's yield n
 *     }
 * }
 * try (IntGenerator g = IntGenerator.of(() -> countdown(3))) {
 *     while (g.hasNext()) System.out.println(g.nextInt());   // 3, 2, 1
 * }
 * IntGenerator.of(() -> countdown(100)).stream().sum();      // 5050
 * }</pre>
 *
 * <p>The body is any coroutine body, as for {@link Generator#of(CoRunnable)}, and yields with
 * {@link #yield(int)} at any depth of {@code @Coroutine} calls. A body that yields an object
 * with {@code Co.yield}, or another kind of primitive, makes the call that ran it throw {@link
 * IllegalStateException} naming where it yielded. Like a {@link Generator} it may be advanced
 * from any thread, one at a time; a concurrent advance is refused ("generator already
 * executing"), a value fetched by {@code hasNext()} included. Left out, on purpose:
 * {@code remove} (as everywhere in jcoro), and an auto-closing variant (close it, or use a
 * try-with-resources, or the stream).
 */
public final class IntGenerator extends PrimitiveGenerator implements PrimitiveIterator.OfInt {
    private IntGenerator(Generator<Object> generator) {
        super(generator, PrimitiveYield.INT);
    }

    /**
     * Creates an int generator from a body that returns nothing. It does not start until advanced.
     *
     * @param body the coroutine body, yielding with {@link #yield(int)}
     * @return the new generator
     */
    public static IntGenerator of(CoRunnable body) {
        return new IntGenerator(Generator.of(body));
    }

    /**
     * Creates an int generator from a body that returns a value, kept as {@link #returnValue()}.
     *
     * @param body the coroutine body, yielding with {@link #yield(int)}
     * @return the new generator
     */
    public static IntGenerator returning(CoSupplier<?> body) {
        return new IntGenerator(Generator.returning(body));
    }

    /**
     * Yields {@code value} to whoever advanced the generator and suspends until it is advanced
     * again; Python's {@code received = yield value}, with no {@code Integer} made.
     *
     * @param value the value {@link #nextInt()} or {@link #send(Object)} returns
     * @param <S>   the type the caller sends in (unchecked, as Python's)
     * @return the value sent in by {@code send(x)}, or {@code null} after {@code nextInt()}
     * @throws io.jcoro.core.GeneratorExit when the generator is being closed (let it propagate)
     * @throws IllegalStateException outside any generator, or from a method that is not
     *         instrumented, as {@code Co.yield}; in a plain {@link Generator} it yields
     *         {@link PrimitiveYield#INT}, which that generator's caller gets
     */
    @Coroutine
    public static <S> S yield(int value) {
        // An intrinsic: the agent replaces the call in the calling coroutine, so this body runs
        // only when called from code that was not instrumented.
        throw PrimitiveYield.INT.notInstrumented(IntGenerator.class);
    }

    /**
     * Yields every value of {@code sub} in turn and returns its return value, Python's
     * {@code result = yield from sub}: {@code send}, {@code throwIn} and {@code close} on this
     * generator go into {@code sub} while it runs (see {@link Co#yieldFrom(Generator)}).
     *
     * @param sub the int generator to run to completion
     * @param <R> the type of its return value (unchecked)
     * @return its return value
     */
    @Coroutine
    public static <R> R yieldFrom(IntGenerator sub) {
        return Co.yieldFrom(sub.generator()); // a value fetched by sub.hasNext() comes first
    }

    /**
     * Runs the body to its next yield and returns the value.
     *
     * @return the value yielded
     * @throws StopIteration if the body returns (carrying its return value) or had finished
     */
    @Override
    public int nextInt() {
        return (int) nextBits();
    }

    /**
     * Resumes the body with {@code value} as the result of the yield it waits in; Python's
     * {@code g.send(value)}.
     *
     * @param value what the pending {@link #yield(int)} returns
     * @return the next value yielded
     * @throws StopIteration if the body returns or had finished
     * @see Generator#send(Object)
     */
    public int send(Object value) {
        return (int) sendBits(value);
    }

    /**
     * Raises {@code error} at the suspension point; Python's {@code g.throw(error)}.
     *
     * @param error the exception to raise inside the body
     * @return the next value yielded, if the body catches it and yields again
     * @see Generator#throwIn(Throwable)
     */
    public int throwIn(Throwable error) {
        return (int) throwInBits(error);
    }

    /** @return a sequential stream of the values still to come; closing it closes the generator */
    public IntStream stream() {
        return StreamSupport.intStream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
                .onClose(this::close);
    }
}
