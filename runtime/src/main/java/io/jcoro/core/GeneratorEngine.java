package io.jcoro.core;

import io.jcoro.core.internal.Carrier;
import io.jcoro.core.internal.Continuation;
import io.jcoro.core.internal.Diagnostics;
import io.jcoro.core.internal.Frames;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * The machinery under {@link Generator}: its life-cycle state, and the step that runs the body
 * from one suspension to the next (taking the generator, forwarding to a {@code yieldFrom}
 * delegate or re-entering the saved frames, reading how the body left, handing the generator
 * back). {@code Generator} builds Python's protocol and Java's iterator faces on {@link #advance}.
 *
 * <p>A superclass rather than an object of its own, so that a step costs no extra object or
 * indirection: the hot path reads and writes the generator's own fields, and every call in it
 * binds statically (the methods are final or private). Not API: package-private, with no
 * subclass but {@code Generator}.
 *
 * <h2>States</h2>
 * CREATED, then SUSPENDED and RUNNING in turn, then CLOSED. A step takes the generator with a
 * compare-and-set to RUNNING ({@link #acquire}), which refuses a concurrent or re-entrant step,
 * and gives it back with a release store ({@link #release}), which hands the saved frames to the
 * thread that takes it next. Once CLOSED it never changes again.
 */
abstract class GeneratorEngine extends Continuation {
    static final int CREATED = 0;
    static final int SUSPENDED = 1;
    static final int RUNNING = 2;
    static final int CLOSED = 3;

    /** {@link #step}: the body finished during this step; its return value is in {@code value}. */
    static final Object DONE = new Object();
    /** {@link #step}: the generator had already finished. */
    static final Object EXHAUSTED = new Object();

    /** {@link #state}, for compare-and-set and release stores. */
    static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(GeneratorEngine.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** CREATED, SUSPENDED, RUNNING or CLOSED. */
    volatile int state;
    /** A {@link CoRunnable} or {@link CoSupplier} (the inner generator for an auto-closing
     *  handle); dropped once finished. */
    Object body;
    /** The {@link Generator} or {@link java.util.Iterator} a {@code yieldFrom} delegates to ({@link Delegation}). */
    Object delegate;

    GeneratorEngine(Object body) {
        this.body = body;
    }

    /** Sink's view: advance without exceptions for the end. */
    final Object step(Object sent) {
        return advance(sent, null);
    }

    /**
     * Sink's and {@link Generator#throwIn}'s step: the value yielded or {@link #DONE}; into a
     * finished generator, {@code error} itself is thrown (never a StopIteration of ours in its
     * place).
     */
    final Object stepThrowing(Throwable error) {
        Objects.requireNonNull(error, "error");
        Object r = advance(null, error);
        if (r == EXHAUSTED) {
            throw Diagnostics.<RuntimeException>sneaky(error);
        }
        return r;
    }

    /**
     * Advances the body once, as next/send/throwIn.
     *
     * @return the value yielded, or {@link #DONE} (return value in {@code value}), or
     *         {@link #EXHAUSTED}
     */
    final Object advance(Object sent, Throwable thrown) {
        // The plain read spares a new generator a compare-and-set that is bound to fail.
        if (state != SUSPENDED || !STATE.compareAndSet(this, SUSPENDED, RUNNING)) {
            return advanceSlow(sent, thrown, true);
        }
        return release(advanceRunning(sent, thrown));
    }

    /**
     * As {@link #advance}, but a value yielded leaves the generator RUNNING, so that the caller
     * reads what came with it (a primitive yield's {@code bits}) before another thread can step
     * the generator; the caller then {@link #release}s it. After {@link #DONE} and
     * {@link #EXHAUSTED} the generator is CLOSED.
     */
    final Object advanceHeld(Object sent, Throwable thrown) {
        if (state != SUSPENDED || !STATE.compareAndSet(this, SUSPENDED, RUNNING)) {
            return advanceSlow(sent, thrown, false);
        }
        return advanceRunning(sent, thrown);
    }

    private Object advanceRunning(Object sent, Throwable thrown) {
        if (out != null) {
            return takePeeked(sent, thrown);
        }
        return run(sent, thrown, true);
    }

    /** @param release whether a value yielded hands the generator back ({@link #advance}) or not */
    private Object advanceSlow(Object sent, Throwable thrown, boolean release) {
        // Checked before taking the generator, so it stays unstarted. A state read other than
        // CREATED is never CREATED again: acquire() returns CREATED only if this check passed.
        if (thrown == null && sent != null && state == CREATED) {
            throw new IllegalArgumentException("can't send non-null value to a just-started generator");
        }
        int s = acquire();
        if (s == SUSPENDED) {
            Object r = advanceRunning(sent, thrown);
            return release ? release(r) : r;
        }
        if (s == CLOSED) {
            return EXHAUSTED;
        }
        if (thrown != null) { // raised before the body's first line: it never runs
            finish(null);
            throw Diagnostics.<RuntimeException>sneaky(escaping(thrown));
        }
        Object r = run(null, null, false);
        return release ? release(r) : r;
    }

    /**
     * Takes the generator for a step, from SUSPENDED or CREATED to RUNNING.
     *
     * @return the state it was in: SUSPENDED or CREATED (now RUNNING), or CLOSED (unchanged)
     * @throws IllegalStateException if it is executing
     */
    final int acquire() {
        for (;;) {
            int s = state;
            if (s == RUNNING) {
                throw alreadyExecuting();
            }
            if (s == CLOSED || STATE.compareAndSet(this, s, RUNNING)) {
                return s;
            }
        }
    }

    /** Ends a step taken with the state RUNNING: suspended again unless finished. @return r */
    final Object release(Object r) {
        if (r != DONE) {
            STATE.setRelease(this, SUSPENDED);
        }
        return r;
    }

    private Object takePeeked(Object sent, Throwable thrown) {
        if (sent != null || thrown != null) {
            STATE.setRelease(this, SUSPENDED);
            throw new IllegalStateException(
                    "hasNext() fetched a value that next() has not returned yet; take it first");
        }
        Object v = out;
        out = null;
        return v != NULL_OUT ? v : null;
    }

    static IllegalStateException alreadyExecuting() {
        return new IllegalStateException("generator already executing");
    }

    /**
     * One step with the state already RUNNING: first the delegate, if any, then the body's own
     * frames. The caller releases the state if the generator is not finished.
     */
    final Object run(Object sent, Throwable thrown, boolean started) {
        if (delegate != null) {
            Object r = Delegation.step(this, sent, thrown);
            if (r != Delegation.OVER) {
                return r;
            }
            if (body instanceof Generator) {
                return endOfClosingHandle();
            }
            return enterBody(true, true);
        } else if (thrown != null) {
            value = new Thrown(thrown);
        } else if (sent != null) { // value is null while suspended: next() stores nothing
            value = sent;
        }
        return enterBody(started, false);
    }

    /** A handle's delegate finished: so does the handle, with its result or its exception. */
    private Object endOfClosingHandle() {
        Object result = value;
        if (result instanceof Thrown thrown) {
            finish(null);
            throw Diagnostics.<RuntimeException>sneaky(thrown.error());
        }
        finish(result);
        return DONE;
    }

    /**
     * Calls the body on this thread with this generator current, and reads how it left.
     *
     * @param restoring whether the body is to re-enter its saved frames (a resume)
     * @param keepPending whether the value or exception in transit survives a resume that fails
     *                    while re-entering (it ends a delegation, and cannot be sent again)
     */
    private Object enterBody(boolean restoring, boolean keepPending) {
        Carrier carrier = Carrier.current();
        carrier.enter(this);
        int savedPrims = pTop;
        int savedRefs = rTop;
        Object result;
        try {
            stamp = restoring ? Frames.BODY | RESTORE : Frames.BODY;
            result = invokeBody();
        } catch (Throwable t) {
            if (restoring && out == null && (pTop | rTop) != 0) {
                // a resume cut short (a stack overflow re-entering the frames): put it back
                undoResume(savedPrims, savedRefs, keepPending);
                throw Diagnostics.<RuntimeException>sneaky(t);
            }
            finish(null);
            throw Diagnostics.<RuntimeException>sneaky(escaping(t));
        } finally {
            carrier.leave();
        }
        if (out != null) {
            return suspended();
        }
        if (stamp < 0) {
            RuntimeException e = Diagnostics.uninstrumentedBody(body);
            finish(null);
            throw e;
        }
        finish(result);
        return DONE;
    }

    /**
     * A resume failed while re-entering the saved frames (a stack overflow, say): no frame had
     * resumed and no handler of a re-entered frame ran ({@link Frames#recover} passes the
     * exception up), and pops leave the saved values in place, so putting the stack tops back
     * restores the suspended state exactly. The generator stays suspended and can be resumed
     * again, from a thread with a larger stack for instance.
     */
    private void undoResume(int prims, int refs, boolean keepPending) {
        pTop = prims;
        rTop = refs;
        stamp = 0;
        if (!keepPending) {
            value = null;
        }
        STATE.setRelease(this, SUSPENDED);
    }

    /**
     * PEP 479: what an exception escaping the body becomes. A NoSuchElementException would tell
     * the caller that this generator has ended normally, so it turns into an error.
     */
    private static Throwable escaping(Throwable t) {
        if (t instanceof java.util.NoSuchElementException) {
            String name = t instanceof StopIteration ? "StopIteration" : t.getClass().getSimpleName();
            return new IllegalStateException("generator raised " + name, t);
        }
        return t;
    }

    private Object invokeBody() throws Exception {
        Object b = body;
        if (b instanceof CoRunnable r) {
            r.run();
            return null;
        }
        return ((CoSupplier<?>) b).get();
    }

    /** The body suspended: takes the value it handed out, and the mode back to NORMAL. */
    private Object suspended() {
        settleRefs();
        Object v = out;
        out = null;
        if (value != null) { // sent or thrown in: the frame has it now; next() stores nothing
            value = null;
        }
        return v != NULL_OUT ? v : null;
    }

    private void finish(Object result) {
        discardFrames();
        delegate = null;
        body = null;
        value = result;
        STATE.setRelease(this, CLOSED);
    }

    // ---- Iterator.hasNext and the primitive generators' steps -----------------------------------

    /**
     * {@link Generator#hasNext()}, and {@link PrimitiveYield#hasNext}: runs the body to its next
     * yield unless a value fetched earlier waits, and keeps the value in {@code out} for the next
     * step ({@link #takePeeked}).
     *
     * @param kind the only kind of primitive yield the body may make, or null for any value
     * @return false once the body has finished
     */
    final boolean fetch(PrimitiveYield kind) {
        int s = acquire();
        if (s == CLOSED) {
            return false;
        }
        if (out != null) { // a value fetched by the last call; never on a CREATED generator
            STATE.setRelease(this, SUSPENDED);
            return true;
        }
        Object r = run(null, null, s == SUSPENDED);
        if (r == DONE) {
            return false;
        }
        if (kind != null && r != kind) {
            release(r);
            throw kind.wrongYield((Generator<?>) this, r);
        }
        out = r != null ? r : NULL_OUT; // the next step takes it
        STATE.setRelease(this, SUSPENDED);
        return true;
    }

    /**
     * A primitive generator's step ({@link PrimitiveYield}): advances as {@link #advance} and
     * returns the bits of the value, read before the generator is handed back.
     *
     * @param kind the only kind of primitive yield the body may make
     * @throws StopIteration at the end, as {@code next()}; into a finished generator,
     *         {@code thrown} itself, as {@code throwIn}
     */
    final long advanceBits(PrimitiveYield kind, Object sent, Throwable thrown) {
        Object r = advanceHeld(sent, thrown);
        if (r == kind) {
            long b = bits;
            STATE.setRelease(this, SUSPENDED);
            return b;
        }
        if (r == EXHAUSTED && thrown != null) {
            throw Diagnostics.<RuntimeException>sneaky(thrown);
        }
        if (r == DONE || r == EXHAUSTED) {
            throw stopIteration(r);
        }
        release(r);
        throw kind.wrongYield((Generator<?>) this, r);
    }

    /**
     * @param r {@link #DONE} or {@link #EXHAUSTED}
     * @return what ends an iteration there: the return value for a body that just returned
     */
    final StopIteration stopIteration(Object r) {
        return r == DONE ? new StopIteration("generator returned", value)
                : new StopIteration("generator already finished", null);
    }

    /** {@link Delegation}: what a delegate's primitive yield left is handed on through this generator. */
    final void takeBitsOf(GeneratorEngine delegate) {
        bits = delegate.bits;
    }

    // ---- yield from (PEP 380): the protocol is Delegation's -----------------------------------

    /**
     * Starts a {@code yieldFrom}, called from this generator's running body: runs the delegate
     * to its first yield. Returns its return value if it finishes at once; otherwise suspends
     * this generator with the delegate's first value. Called by generated code only (through
     * {@link Frames#yieldFrom}).
     *
     * @param sub a {@code Generator} or an {@code Iterable}
     * @return the return value of a delegate that finished at once, or a dummy
     */
    @Override
    protected Object beginDelegation(Object sub) {
        return Delegation.begin(this, sub);
    }

    /** {@link Delegation#begin}: delegates to {@code sub}, suspending with its first value. */
    final void delegateTo(Object sub, Object first) {
        delegate = sub;
        out = first != null ? first : NULL_OUT;
    }

    /**
     * {@link Delegation#step}: the delegation is over, and the {@code yieldFrom} returns
     * {@code result}, or throws it if {@code throwing}.
     *
     * @return {@link Delegation#OVER}
     */
    final Object endDelegation(Object result, boolean throwing) {
        delegate = null;
        value = throwing ? new Thrown((Throwable) result) : result;
        return Delegation.OVER;
    }
}
