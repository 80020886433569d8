package io.jcoro.core.internal;

/**
 * The state a suspended coroutine stack leaves behind, and the switch that tells instrumented
 * frames what to do. {@link io.jcoro.core.Generator} is the only kind users see; the per-thread
 * idle continuation stands in when no generator runs, so that instrumented code never tests for
 * null. Part of the contract generated code calls (every {@link Frames} call takes one), not API:
 * its members are {@code protected} only because {@code Generator}'s engine (the package-private
 * {@code GeneratorEngine}, in the API package) extends it (a sealed class may not permit a
 * subclass in another package outside a named module), and no other subclass is meant to exist.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>{@link #out} is null whenever user code runs (the mode NORMAL). A suspension point
 *       stores the value it hands out there (CAPTURING); every instrumented frame then saves
 *       itself and returns, innermost first, until the generator takes the value and clears
 *       it. The value doubles as the mode, so a round trip writes it twice, not four times.
 *   <li>A resume is announced in the {@link #stamp} itself (its sign bit, {@link #RESTORE}):
 *       frames re-enter outermost first, each taking a stamp with the bit set, restoring itself
 *       and re-invoking its callee with the bit set again, until the innermost suspension point
 *       returns the resume value.
 *   <li>The saved frames live in two stacks, {@link #prims} (every primitive, widened to its
 *       bits in a long) and {@link #refs}; a frame pushes its values then its resume index, so the
 *       innermost frame is at the bottom and the outermost on top, and a resume pops exactly what
 *       the capture pushed. The upper half of each frame's resume index slot numbers its label,
 *       which describes the frame ({@link SavedFrames}), so the saved state can be read without
 *       running any frame.
 *       Both stacks are empty (their tops are 0) while the coroutine runs; while it is suspended
 *       no reference slot above the top holds anything.
 *   <li>Only the thread that runs the generator touches these fields; hand-offs between threads
 *       go through the generator's state (a compare-and-set to RUNNING, a release store back).
 * </ul>
 */
public abstract class Continuation {
    /** {@link #out} for a suspension point that hands out {@code null}. */
    protected static final Object NULL_OUT = new Object();

    /** The stamp bit that tells a frame to restore itself (method ids never have it). */
    protected static final int RESTORE = Integer.MIN_VALUE;

    private static final long[] NO_PRIMS = {};
    private static final Object[] NO_REFS = {};

    /**
     * The mode and the value handed out at once: null while user code runs (NORMAL); while
     * frames save themselves and return (CAPTURING), the value yielded (for a primitive yield,
     * its kind, the value in {@link #bits}), or the delegate's first value, with
     * {@link #NULL_OUT} for null. A suspended generator keeps it only for a value
     * that {@code hasNext()} fetched and {@code next()} has not taken yet.
     */
    protected Object out;
    /**
     * Handshake: the caller's expectation of which method it calls (see {@link Frames}), with
     * {@link #RESTORE} set when the callee is to restore itself.
     */
    protected int stamp;
    /**
     * The saved primitives, each widened to its bits, and every frame's resume index (its upper
     * half the id of the frame's label, see {@link Frames#endCapture}).
     */
    long[] prims = NO_PRIMS;
    /** The top of {@link #prims}. */
    protected int pTop;
    /** The saved references. */
    Object[] refs = NO_REFS;
    /** The top of {@link #refs}. */
    protected int rTop;
    /** {@link #rTop} at the last suspension: slots up to it may hold values popped since. */
    int rSaved;
    /**
     * The value in transit inward: sent in, thrown in (wrapped in a {@link Thrown}), or (once
     * finished) returned.
     */
    protected Object value;
    /**
     * The value a primitive yield hands out, as bits ({@code int} and {@code long} as they are,
     * {@code double} as its raw long bits), while {@link #out} holds its kind
     * ({@link io.jcoro.core.PrimitiveYield}): no box per value. Read by the caller of the step
     * before the generator is handed back, and left as it is afterwards.
     */
    protected long bits;

    /**
     * {@link #value} when an exception is thrown in, to be raised at the suspension point. A
     * wrapper (allocated only by a {@code throwIn} or {@code close}) rather than a flag beside
     * the value: that one byte rounded every generator up by 8 bytes.
     *
     * @param error the exception
     */
    protected record Thrown(Throwable error) {
        /** Public, as a record's constructor may be: the engine, in another package, makes them. */
        public Thrown {
        }
    }

    /** For {@code Generator} and the idle continuation only. */
    protected Continuation() {
    }

    /** Grows the primitive stack so that {@code p} more values fit (out of line: rare). */
    final void growPrims(int p) {
        int length = grown(prims.length, pTop == 0 ? p : pTop + p);
        prims = pTop == 0 ? new long[length] : java.util.Arrays.copyOf(prims, length);
    }

    /** Grows the reference stack so that {@code r} more values fit (out of line: rare). */
    final void growRefs(int r) {
        refs = rTop == 0 && rSaved == 0 ? new Object[grown(refs.length, r)]
                : java.util.Arrays.copyOf(refs, grown(refs.length, rTop + r));
    }

    /** Exact growth while small (a suspended generator stays light), 1.5x beyond. */
    private static int grown(int length, int needed) {
        return length < 16 ? needed : Math.max(needed, length + (length >> 1));
    }

    /**
     * Ends a capture: clears the reference slots above the new top that the last suspension
     * used and the resume popped, so a suspended coroutine keeps nothing it no longer holds.
     * (Pops leave their slot as it was, so that pushing the same value back, the common case
     * for loop-invariant locals, needs no store: see {@link Frames#pushRef}.)
     */
    protected final void settleRefs() {
        int top = rTop;
        if (top != rSaved) {
            if (top < rSaved) {
                java.util.Arrays.fill(refs, top, rSaved, null);
            }
            rSaved = top;
        }
    }

    /** Drops the saved frames and the value in transit: the coroutine finished or its capture failed. */
    protected final void discardFrames() {
        int used = Math.max(rTop, rSaved);
        if (used != 0) {
            java.util.Arrays.fill(refs, 0, used, null);
        }
        pTop = 0;
        rTop = 0;
        rSaved = 0;
        out = null;
        value = null;
    }

    /**
     * {@code Co.yieldFrom(sub)} reached by the running body ({@link Frames#yieldFrom}): runs
     * {@code sub} to its first yield and either returns its return value at once or starts
     * delegating to it, its first value in {@link #out} (CAPTURING).
     *
     * @param sub a {@code Generator} or an {@code Iterable}
     * @return the return value of a delegate that finished at once, or a dummy
     */
    protected abstract Object beginDelegation(Object sub);

    /** Stands in for "no generator" on a thread: suspension attempts fail, plain calls work. */
    static final class Idle extends Continuation {
        @Override
        protected Object beginDelegation(Object sub) {
            throw Diagnostics.outsideGenerator("Co.yieldFrom");
        }
    }
}
