package io.jcoro.primitive;

import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorState;
import io.jcoro.core.PrimitiveYield;
import io.jcoro.core.StopIteration;
import java.util.List;

/**
 * What the three primitive generators share: the {@link Generator} they drive and the kind of
 * yield its body makes. The protocol is the generator's, value by value, through
 * {@link PrimitiveYield}'s steps, which read the value's bits where the yield left them; a value
 * fetched by {@code hasNext()} waits in the generator, as a {@code Generator}'s does. Each public
 * class adds its typed face.
 */
abstract class PrimitiveGenerator implements AutoCloseable {
    private final Generator<Object> generator;
    private final PrimitiveYield kind;

    PrimitiveGenerator(Generator<Object> generator, PrimitiveYield kind) {
        this.generator = generator;
        this.kind = kind;
    }

    /** @return the generator driven, for {@code yieldFrom} */
    final Generator<Object> generator() {
        return generator;
    }

    /**
     * Whether a next value follows: runs the body to its next yield if needed and keeps the
     * value. Never throws {@link StopIteration}.
     *
     * @return false once the body has finished
     */
    public final boolean hasNext() {
        return kind.hasNext(generator);
    }

    /** The bits of the next value, as {@code next()}. */
    final long nextBits() {
        return kind.next(generator);
    }

    /** The bits of the value yielded after sending {@code value} in, as {@code send}. */
    final long sendBits(Object value) {
        return kind.send(generator, value);
    }

    /** The bits of the value yielded after raising {@code error} in the body, as {@code throwIn}. */
    final long throwInBits(Throwable error) {
        return kind.throwIn(generator, error);
    }

    /**
     * Closes the generator: raises {@link io.jcoro.core.GeneratorExit} at its suspension point
     * so that its {@code finally} blocks run; a value fetched by {@link #hasNext()} is dropped.
     * See {@link Generator#close()}.
     */
    @Override
    public final void close() {
        generator.close();
    }

    /** @return where the generator is in its life cycle */
    public final GeneratorState state() {
        return generator.state();
    }

    /** @return whether the body has finished: returned, thrown, or been closed */
    public final boolean isDone() {
        return generator.isDone();
    }

    /**
     * @return the value a body made with {@code returning} returned, once it has; see
     *         {@link Generator#returnValue()}
     */
    public final Object returnValue() {
        return generator.returnValue();
    }

    /**
     * @return where the body is suspended, innermost frame first (the frame that called the
     *         primitive yield, which has none of its own); see {@link Generator#suspendedFrames()}
     */
    public final List<StackTraceElement> suspendedFrames() {
        return generator.suspendedFrames();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + state() + "]";
    }
}
