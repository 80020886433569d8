package io.jcoro.core.internal;

import io.jcoro.core.PrimitiveYield;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The calls the jcoro agent emits into instrumented methods: with {@link Continuation} and
 * {@link Contract}, the whole contract between generated code and the runtime, versioned by
 * {@link Contract#VERSION}. Nothing here is meant to be called by hand.
 *
 * <p>An instrumented method, in pseudo-Java (see {@code docs/DESIGN.md} for a worked example):
 * <pre>{@code
 * Continuation f = Frames.enter();
 * int entry = Frames.takeStamp(f);               // who called me (handshake); negative: restore
 * if (entry < 0) goto restore;
 * ...                                            // original code; at each suspendable call k:
 *   Frames.stamp(f, ID_OF_CALLEE);  callee(...); // a restore stamps ID_OF_CALLEE | RESTORE
 *   if (Frames.isSuspending(f)) goto capture_k;
 *   ...                                          // and at each yield:
 *   Frames.yieldValue(v, f); goto capture_k;     // IntGenerator.yield(i): Frames.yieldInt(i, f)
 *   resume_k: r = Frames.resumeValue(f);
 * capture_k:                                     // save what is live, then return a dummy
 *   Frames.reserve(f, P[, R]); Frames.pushInt(x, f); ...; Frames.endCapture(f, k, entry, ID, LABEL_ID);
 *   return 0;
 * restore:                                       // pop in reverse, then re-enter the call
 *   switch (Frames.beginRestore(f)) { case k: x = Frames.popInt(f); ...; goto call_k; }
 * }</pre>
 *
 * <p>The handshake: before each suspendable call the caller writes the callee's id into the
 * continuation, and each instrumented method takes it on entry. A method that must suspend
 * checks that it was entered by the call its caller announced (or by the generator itself);
 * if an uninstrumented method sits in between, the stamp does not match and the suspension
 * fails with a message naming that method, before any uninstrumented frame could run on with a
 * dummy result. The cost is one store per call and one load and store per entry.
 */
public final class Frames {
    /** The stamp a generator writes before it calls its body. */
    public static final int BODY = 1;
    /** Set in a stamp when the callee is to restore itself rather than start. */
    public static final int RESTORE = Continuation.RESTORE;

    private Frames() {
    }

    /**
     * The id a call site announces for its callee: a hash of name and descriptor (the static
     * owner and the runtime class may differ, the name and descriptor never do). Never 0 (no
     * stamp), never {@link #BODY}, never negative (the sign bit is {@link #RESTORE}).
     *
     * @param name method name
     * @param descriptor method descriptor
     * @return the id
     */
    public static int methodId(String name, String descriptor) {
        int h = (name + descriptor).hashCode() & ~RESTORE;
        return h == 0 || h == BODY ? 2 : h;
    }

    // ---- entry ---------------------------------------------------------------------------

    /** @return the continuation running on this thread (the idle one outside generators) */
    public static Continuation enter() {
        return Carrier.current().running();
    }

    /**
     * @param f the continuation
     * @return the stamp the caller left, clearing it; negative if the frame is to restore itself
     */
    public static int takeStamp(Continuation f) {
        int s = f.stamp;
        f.stamp = 0;
        return s;
    }

    /**
     * Entry of a coroutine method that cannot suspend: it takes no part in the handshake but
     * must not leave its stamp for a frame below it to take as its own.
     */
    public static void clearStamp() {
        enter().stamp = 0;
    }

    // ---- calls ---------------------------------------------------------------------------

    /** @param f the continuation @param id the id of the method about to be called */
    public static void stamp(Continuation f, int id) {
        f.stamp = id;
    }

    /** @param f the continuation @return whether the call that just returned is suspending */
    public static boolean isSuspending(Continuation f) {
        return f.out != null;
    }

    // ---- suspension points -----------------------------------------------------------------

    /**
     * {@code Co.yield(v)}: hands {@code v} out and starts the capture (one store: the value
     * handed out is the mode).
     *
     * @param v the value to yield
     * @param f the continuation
     * @return a dummy; the code that follows captures the frame
     */
    public static Object yieldValue(Object v, Continuation f) {
        if (f instanceof Continuation.Idle) {
            throw Diagnostics.outsideGenerator("Co.yield");
        }
        f.out = v != null ? v : Continuation.NULL_OUT;
        return null;
    }

    /**
     * {@code IntGenerator.yield(v)}: as {@link #yieldValue}, the value handed out as bits beside
     * its kind, so that no {@code Integer} is made.
     *
     * @param v the value to yield
     * @param f the continuation
     * @return a dummy; the code that follows captures the frame
     */
    public static Object yieldInt(int v, Continuation f) {
        return yieldBits(v, PrimitiveYield.INT, f);
    }

    /**
     * {@code LongGenerator.yield(v)}: as {@link #yieldInt}.
     *
     * @param v the value to yield
     * @param f the continuation
     * @return a dummy; the code that follows captures the frame
     */
    public static Object yieldLong(long v, Continuation f) {
        return yieldBits(v, PrimitiveYield.LONG, f);
    }

    /**
     * {@code DoubleGenerator.yield(v)}: as {@link #yieldInt}, the value as its raw long bits.
     *
     * @param v the value to yield
     * @param f the continuation
     * @return a dummy; the code that follows captures the frame
     */
    public static Object yieldDouble(double v, Continuation f) {
        return yieldBits(Double.doubleToRawLongBits(v), PrimitiveYield.DOUBLE, f);
    }

    private static Object yieldBits(long bits, PrimitiveYield kind, Continuation f) {
        if (f instanceof Continuation.Idle) {
            throw Diagnostics.outsideGenerator(kind.yieldCall());
        }
        f.bits = bits;
        f.out = kind;
        return null;
    }

    /**
     * {@code Co.yieldFrom(sub)}: runs {@code sub} to its first yield. If it finishes at once,
     * returns its return value without suspending; otherwise the generator suspends and
     * delegates to {@code sub} until it finishes.
     *
     * @param sub a {@link io.jcoro.core.Generator} or an {@link Iterable}
     * @param f the continuation
     * @return the sub-generator's return value, or a dummy if suspending
     */
    public static Object yieldFrom(Object sub, Continuation f) {
        return f.beginDelegation(sub);
    }

    /**
     * The value a suspension point returns on resume: the sent value, or the exception thrown
     * in.
     *
     * @param f the continuation
     * @return the sent value
     */
    public static Object resumeValue(Continuation f) {
        Object v = f.value; // left in place: the generator clears it when the body suspends
        if (v instanceof Continuation.Thrown thrown) {
            throw Diagnostics.<RuntimeException>sneaky(thrown.error());
        }
        return v;
    }

    // ---- capture -------------------------------------------------------------------------

    /**
     * Makes room for a frame's primitives (its resume index included).
     *
     * @param f the continuation
     * @param prims primitives to push
     */
    public static void reserve(Continuation f, int prims) {
        if (f.pTop + prims > f.prims.length) {
            f.growPrims(prims);
        }
    }

    /**
     * Makes room for a frame's primitives and references.
     *
     * @param f the continuation
     * @param prims primitives to push
     * @param refs references to push
     */
    public static void reserve(Continuation f, int prims, int refs) {
        reserve(f, prims);
        if (f.rTop + refs > f.refs.length) {
            f.growRefs(refs);
        }
    }

    /** @param v value @param f the continuation */
    public static void pushInt(int v, Continuation f) {
        f.prims[f.pTop++] = v;
    }

    /** @param v value @param f the continuation */
    public static void pushLong(long v, Continuation f) {
        f.prims[f.pTop++] = v;
    }

    /** @param v value @param f the continuation */
    public static void pushFloat(float v, Continuation f) {
        f.prims[f.pTop++] = Float.floatToRawIntBits(v);
    }

    /** @param v value @param f the continuation */
    public static void pushDouble(double v, Continuation f) {
        f.prims[f.pTop++] = Double.doubleToRawLongBits(v);
    }

    /**
     * Saves a reference. The slot often holds the same value already (a loop-invariant local
     * pushed back after the pop of the last resume), and then nothing is stored: a reference
     * store into a long-lived array costs a GC barrier.
     *
     * @param v value
     * @param f the continuation
     */
    public static void pushRef(Object v, Continuation f) {
        Object[] refs = f.refs;
        int i = f.rTop++;
        if (refs[i] != v) {
            refs[i] = v;
        }
    }

    /**
     * Ends a frame's capture: checks the handshake, then pushes the frame's resume index, with
     * the id of its label in the upper half of the same slot: a constant string naming the frame
     * for {@link io.jcoro.core.Generator#suspendedFrames()} (see {@link SavedFrames}), numbered
     * once per suspension point by {@link #frameLabel}. A restore reads only the lower half.
     *
     * @param f the continuation
     * @param index which suspension point of the method this frame stopped at
     * @param entryStamp the stamp the frame took on entry
     * @param methodId the frame's own id
     * @param labelId the id of the label of this method's suspension point {@code index}
     */
    public static void endCapture(Continuation f, int index, int entryStamp, int methodId, int labelId) {
        int caller = entryStamp & ~RESTORE;
        if (caller != methodId && caller != BODY && !ReferenceLinks.contains(caller, methodId)) {
            throw Diagnostics.uninstrumentedCaller(f);
        }
        f.prims[f.pTop++] = (long) labelId << 32 | index;
    }

    /**
     * The bootstrap of the dynamic constant (class files of Java 11 and later) that gives a
     * capture its label's id: resolved once per suspension point, a constant from then on. Boxed,
     * because JDK 17 compiles no method that loads a primitive dynamic constant.
     *
     * @param lookup the instrumented class (unused)
     * @param name the constant's name (unused)
     * @param type {@code Integer}
     * @param label the frame's label ({@link SavedFrames})
     * @return the label's id
     */
    public static Integer frameLabel(MethodHandles.Lookup lookup, String name, Class<?> type, String label) {
        return FrameLabels.register(label);
    }

    /**
     * The same for class files of Java 7 to 10, which have no dynamic constants: the bootstrap of
     * an {@code invokedynamic} of type {@code ()I} whose call site returns the id, a constant
     * once linked.
     *
     * @param lookup the instrumented class (unused)
     * @param name the call's name (unused)
     * @param type {@code ()int}
     * @param label the frame's label ({@link SavedFrames})
     * @return the linked call site
     */
    public static CallSite frameLabelSite(MethodHandles.Lookup lookup, String name, MethodType type, String label) {
        return new ConstantCallSite(MethodHandles.constant(int.class, FrameLabels.register(label)));
    }

    /**
     * Emitted where a method reference to a coroutine of another class is created
     * ({@code CoFunction<P, String> f = P::greet}): a call {@code f.apply(p)} announces
     * {@code apply}'s id, and the JVM's adapter that forwards it to {@code greet} takes no part
     * in the handshake. From now on {@code greet} accepts {@code apply}'s id.
     *
     * @param interfaceId the id of the functional interface method
     * @param targetId the id of the referenced method
     */
    public static void linkReference(int interfaceId, int targetId) {
        ReferenceLinks.add(interfaceId, targetId);
    }

    /**
     * Entry of every exception handler in an instrumented method; the generated code rethrows
     * the exception at once, without running the handler, if this returns true. Normally it
     * returns false and does nothing. If an error (a stack overflow, say) struck while frames
     * were being saved, the exception reaches this handler with the continuation capturing: the
     * half-saved state is dropped, so the handler and the frames above see an ordinary exception
     * from the call and run on normally. If it struck while a resume was re-entering the frames
     * (saved frames not yet popped: while user code runs both stacks are empty), this frame is
     * only half restored and no handler of it may run: the exception passes up untouched to the
     * generator, which puts the saved state back as it was before the resume.
     *
     * @param f the continuation
     * @return whether the handler must not run: a resume was cut short
     */
    public static boolean recover(Continuation f) {
        if (f.out != null) {
            f.discardFrames();
            f.stamp = 0; // a capture that failed before the callee could take its stamp
            return false;
        }
        return (f.pTop | f.rTop) != 0;
    }

    // ---- restore -------------------------------------------------------------------------

    /** @param f the continuation @return the resume index the frame pushed last */
    public static int beginRestore(Continuation f) {
        return (int) f.prims[--f.pTop];
    }

    /** @param f the continuation @return the value */
    public static int popInt(Continuation f) {
        return (int) f.prims[--f.pTop];
    }

    /** @param f the continuation @return the value */
    public static long popLong(Continuation f) {
        return f.prims[--f.pTop];
    }

    /** @param f the continuation @return the value */
    public static float popFloat(Continuation f) {
        return Float.intBitsToFloat((int) f.prims[--f.pTop]);
    }

    /** @param f the continuation @return the value */
    public static double popDouble(Continuation f) {
        return Double.longBitsToDouble(f.prims[--f.pTop]);
    }

    /**
     * @param f the continuation
     * @return the value; its slot keeps it until the next suspension pushes over it or clears it
     */
    public static Object popRef(Continuation f) {
        return f.refs[--f.rTop];
    }

    /**
     * Called by the restore switch for an index the method does not have: the saved state does
     * not belong to this code (the class was changed while suspended, or a frame was skipped).
     *
     * @param f the continuation
     * @param index the bad index
     * @return the exception, for the generated code to throw
     */
    public static IllegalStateException badResumeIndex(Continuation f, int index) {
        // Out of line: C1 sizes a frame for the deepest chain of calls it inlines anywhere in the
        // method, cold paths included, so an error path inlined here would cost every frame.
        return Diagnostics.badResumeIndex(f, index);
    }
}
