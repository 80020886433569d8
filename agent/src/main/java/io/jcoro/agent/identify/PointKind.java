package io.jcoro.agent.identify;

/** The kinds of suspension point. */
public enum PointKind {
    /** {@code Co.yield(v)}: always suspends, resumes with the sent value. */
    YIELD,
    /** {@code IntGenerator.yield(i)}: a yield of an {@code int}, handed out as bits, unboxed. */
    YIELD_INT,
    /** {@code LongGenerator.yield(l)}: as {@link #YIELD_INT}. */
    YIELD_LONG,
    /** {@code DoubleGenerator.yield(d)}: as {@link #YIELD_INT}. */
    YIELD_DOUBLE,
    /** {@code Co.receive()}: a yield of null. */
    RECEIVE,
    /** {@code Co.yieldFrom(Generator)}: suspends unless the delegate finishes at once. */
    DELEGATE,
    /** {@code Co.yieldFrom(Iterable)}: as {@link #DELEGATE}, returning nothing. */
    DELEGATE_ITERABLE,
    /** A call to a coroutine method: suspends if the callee does. */
    CALL;

    /** @return whether the point is handled by the runtime inline rather than by a call */
    public boolean isIntrinsic() {
        return this != CALL;
    }
}
