package io.jcoro.primitive;

import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorState;
import io.jcoro.core.StopIteration;
import java.util.List;

/**
 * What the three primitive generators share: the {@link Generator} they drive, the marker their
 * kind of yield hands out, and the value fetched by {@code hasNext()} and not yet returned. The
 * protocol is the generator's, value by value; each public class adds its typed face.
 */
abstract class PrimitiveGenerator implements AutoCloseable {
    /** What {@code IntGenerator.yield} hands to the driven generator in place of the value. */
    static final Object INT = new Marker("IntGenerator.yield(int)");
    /** What {@code LongGenerator.yield} hands out. */
    static final Object LONG = new Marker("LongGenerator.yield(long)");
    /** What {@code DoubleGenerator.yield} hands out. */
    static final Object DOUBLE = new Marker("DoubleGenerator.yield(double)");

    /** Names the yield it stands for, for error messages. */
    private record Marker(String yieldCall) {
        @Override
        public String toString() {
            return yieldCall;
        }
    }

    private final Generator<Object> generator;
    private final Object marker;
    /** {@link #hasNext()} ran the body: its value's bits wait in {@link #peekedBits}. */
    private boolean peeked;
    private long peekedBits;

    PrimitiveGenerator(Generator<Object> generator, Object marker) {
        this.generator = generator;
        this.marker = marker;
    }

    /** @return whether {@link #hasNext()} fetched a value not yet returned */
    final boolean hasPeekedValue() {
        return peeked;
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
        if (peeked) {
            return true;
        }
        if (!generator.hasNext()) {
            return false;
        }
        // The slot is read now: another generator of this thread may yield before next().
        peekedBits = bits(generator.next());
        peeked = true;
        return true;
    }

    /** The bits of the next value, as {@code next()}. */
    final long nextBits() {
        if (peeked) {
            peeked = false;
            return peekedBits;
        }
        return bits(generator.next());
    }

    /** The bits of the value yielded after sending {@code value} in, as {@code send}. */
    final long sendBits(Object value) {
        refusePeeked("send");
        return bits(generator.send(value));
    }

    /** The bits of the value yielded after raising {@code error} in the body, as {@code throwIn}. */
    final long throwInBits(Throwable error) {
        refusePeeked("throwIn");
        return bits(generator.throwIn(error));
    }

    private void refusePeeked(String method) {
        if (peeked) {
            throw new IllegalStateException(getClass().getSimpleName() + "." + method
                    + ": hasNext() fetched a value that the next call has not returned yet; take it first");
        }
    }

    /** The bits a yield of this kind left in the thread's slot; anything else is refused. */
    private long bits(Object yielded) {
        if (yielded != marker) {
            throw wrongYield(yielded);
        }
        return ThreadSlot.current().bits;
    }

    private IllegalStateException wrongYield(Object yielded) {
        List<StackTraceElement> at = generator.suspendedFrames();
        String where = at.isEmpty() ? "" : ", at " + at.get(0);
        String what = yielded instanceof Marker ? "with " + yielded : "the object " + yielded + " (Co.yield)";
        return new IllegalStateException(getClass().getSimpleName() + ": the body yielded " + what + where
                + "; this generator's body yields with " + marker);
    }

    /**
     * Closes the generator: raises {@link io.jcoro.core.GeneratorExit} at its suspension point
     * so that its {@code finally} blocks run; a value fetched by {@link #hasNext()} is dropped.
     * See {@link Generator#close()}.
     */
    @Override
    public final void close() {
        peeked = false;
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
     * @return where the body is suspended, innermost frame first (the primitive yield's own
     *         frame, then the body's); see {@link Generator#suspendedFrames()}
     */
    public final List<StackTraceElement> suspendedFrames() {
        return generator.suspendedFrames();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + state() + "]";
    }
}
