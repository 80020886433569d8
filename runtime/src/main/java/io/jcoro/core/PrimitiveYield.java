package io.jcoro.core;

import java.util.List;
import java.util.Objects;

/**
 * The core's side of the primitive generators of {@code io.jcoro.primitive}: the three kinds of
 * primitive yield, and the steps that read a value yielded without a box. Support for that
 * package, which may not reach into the runtime's internals; an application uses
 * {@code IntGenerator}, {@code LongGenerator} and {@code DoubleGenerator} instead.
 *
 * <p>How a value travels: {@code IntGenerator.yield(i)} is an intrinsic, as {@code Co.yield} is:
 * the agent replaces the call, in the calling coroutine, with code that stores the value's bits
 * in the running generator and this kind where an object yield stores its value, then suspends
 * as {@code Co.yield} does. No frame of the {@code yield} method runs, and nothing is allocated.
 * The steps below advance the generator as {@link Generator#next()} does and read the bits before
 * handing the generator back, so that no other thread's step can overwrite them first. A plain
 * {@link Generator} whose body yields this way hands this constant out as its value.
 */
public enum PrimitiveYield {
    /** {@code IntGenerator.yield(int)}. */
    INT("IntGenerator", "int"),
    /** {@code LongGenerator.yield(long)}. */
    LONG("LongGenerator", "long"),
    /** {@code DoubleGenerator.yield(double)}. */
    DOUBLE("DoubleGenerator", "double");

    private final String generatorName;
    private final String type;

    PrimitiveYield(String generatorName, String type) {
        this.generatorName = generatorName;
        this.type = type;
    }

    /** @return the yield call this kind stands for, as error messages name it: {@code IntGenerator.yield} */
    public String yieldCall() {
        return generatorName + ".yield";
    }

    /**
     * Whether a next value follows, as {@link Generator#hasNext()}: runs the body to its next
     * yield if needed and keeps the value for the next step.
     *
     * @param g the generator a primitive generator drives
     * @return false once the body has finished
     * @throws IllegalStateException if the body yielded anything but this kind of value
     */
    public boolean hasNext(Generator<?> g) {
        return g.fetch(this);
    }

    /**
     * Runs the body to its next yield, as {@link Generator#next()}.
     *
     * @param g the generator a primitive generator drives
     * @return the bits of the value yielded
     * @throws StopIteration if the body returns or had finished
     * @throws IllegalStateException if the body yielded anything but this kind of value
     */
    public long next(Generator<?> g) {
        return g.advanceBits(this, null, null);
    }

    /**
     * Resumes the body with {@code value}, as {@link Generator#send(Object)}.
     *
     * @param g the generator a primitive generator drives
     * @param value what the pending yield returns
     * @return the bits of the next value yielded
     * @throws StopIteration if the body returns or had finished
     * @throws IllegalStateException if the body yielded anything but this kind of value
     */
    public long send(Generator<?> g, Object value) {
        return g.advanceBits(this, value, null);
    }

    /**
     * Raises {@code error} at the suspension point, as {@link Generator#throwIn(Throwable)}.
     *
     * @param g the generator a primitive generator drives
     * @param error the exception to raise inside the body
     * @return the bits of the next value yielded
     * @throws StopIteration if the body catches the exception and returns
     * @throws IllegalStateException if the body yielded anything but this kind of value
     */
    public long throwIn(Generator<?> g, Throwable error) {
        return g.advanceBits(this, null, Objects.requireNonNull(error, "error"));
    }

    /**
     * What the {@code yield} method's own body throws: it runs only when called from code that
     * was not instrumented (see {@link Co}).
     *
     * @param facade the class declaring the {@code yield}, whose frame the message skips
     * @return the exception to throw, naming the calling frame
     */
    public RuntimeException notInstrumented(Class<?> facade) {
        return Co.notInstrumented(yieldCall(), facade.getName());
    }

    /** The step's value was not this kind's: what the caller of the step gets, naming where. */
    IllegalStateException wrongYield(Generator<?> g, Object yielded) {
        List<StackTraceElement> at = g.suspendedFrames();
        String where = at.isEmpty() ? "" : ", at " + at.get(0);
        String what = yielded instanceof PrimitiveYield ? "with " + yielded : "the object " + yielded + " (Co.yield)";
        return new IllegalStateException(generatorName + ": the body yielded " + what + where
                + "; this generator's body yields with " + this);
    }

    /** @return the yield call with its parameter type: {@code IntGenerator.yield(int)} */
    @Override
    public String toString() {
        return yieldCall() + "(" + type + ")";
    }
}
