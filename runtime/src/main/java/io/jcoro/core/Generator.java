package io.jcoro.core;

import io.jcoro.core.internal.Carrier;
import io.jcoro.core.internal.Continuation;
import io.jcoro.core.internal.Diagnostics;
import io.jcoro.core.internal.Frames;
import io.jcoro.core.internal.SavedFrames;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A generator: a coroutine body run step by step, with Python's protocol.
 *
 * <pre>{@code
 * try (Generator<Integer> g = Generator.of(() -> countdown(10))) {
 *     for (int n : g) System.out.println(n);
 * }
 * }</pre>
 *
 * <p>The body does not start until the generator is first advanced. Each {@link #next()} or
 * {@link #send(Object)} runs it until its next {@link Co#yield(Object)}, at any depth of
 * {@link Coroutine} calls, and returns the value yielded. A body made with
 * {@link #returning(CoSupplier)} ends the iteration with its return value, kept as
 * {@link #returnValue()}.
 *
 * <p>Semantics follow CPython's generators (PEP 255, 342, 380 and 479), with Java's exception
 * types where Python's have no counterpart ({@code TypeError} and {@code ValueError} become
 * {@link IllegalArgumentException}, {@code RuntimeError} {@link IllegalStateException}):
 * <ul>
 *   <li>{@code send(x)} with {@code x != null} into a just-created generator throws
 *       {@link IllegalArgumentException} and leaves it unstarted.
 *   <li>{@link #throwIn(Throwable)} raises the exception at the suspension point: the body may
 *       catch it and yield again (the value is returned), or let it propagate (it comes out of
 *       {@code throwIn} and the generator is finished). Into a new generator it is raised
 *       without running the body, and finishes it; into a finished one it is simply thrown.
 *   <li>{@link #close()} raises {@link GeneratorExit} at the suspension point, so handlers and
 *       {@code finally} blocks run; a body that yields again makes {@code close()} throw
 *       {@code IllegalStateException("generator ignored GeneratorExit")} and stays suspended.
 *       Closing a new or finished generator does nothing. A body that returns a value while
 *       closing finishes with it as its {@link #returnValue()} (what CPython 3.13's
 *       {@code close()} returns).
 *   <li>An exception escaping the body finishes the generator and comes out of the call that
 *       ran it unchanged, checked or not. Advancing a finished generator throws
 *       {@link StopIteration} (a {@link java.util.NoSuchElementException}).
 *   <li>PEP 479: a {@link java.util.NoSuchElementException} ({@link StopIteration} included)
 *       that escapes the body, raised there, thrown in, or leaking from a {@code next()} on
 *       another iterator, would look like the normal end of this generator to the caller;
 *       it becomes {@code IllegalStateException("generator raised StopIteration")} (or
 *       "... raised NoSuchElementException") with the original as its cause.
 *   <li>Advancing a generator that is executing, re-entrantly or from another thread, throws
 *       {@code IllegalStateException("generator already executing")} and leaves it intact.
 *       A generator may be advanced from any thread, one at a time; every generator on an
 *       active {@link Co#yieldFrom(Generator)} chain counts as executing.
 * </ul>
 *
 * <p>A generator is its own {@link Iterator} and {@link Iterable} (single use, as in Python),
 * offers a {@link #stream()} view, and is {@link AutoCloseable}.
 *
 * @param <T> the type of the values it yields
 */
public final class Generator<T> extends Continuation implements Iterator<T>, Iterable<T>, AutoCloseable {
    private static final int CREATED = 0;
    private static final int SUSPENDED = 1;
    private static final int RUNNING = 2;
    private static final int CLOSED = 3;

    /** {@link #step}: the body finished during this step; its return value is in {@code value}. */
    static final Object DONE = new Object();
    /** {@link #step}: the generator had already finished. */
    static final Object EXHAUSTED = new Object();

    private static final VarHandle STATE;
    /** {@code -Djcoro.autoClose=true}: every generator is {@link #autoClosing}. */
    private static final boolean AUTO_CLOSE_ALL = Boolean.getBoolean("jcoro.autoClose");

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Generator.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        Jcoro.autoInstall();
    }

    private volatile int state;
    /** A {@link CoRunnable} or {@link CoSupplier} (the inner generator for an auto-closing
     *  handle); dropped once finished. */
    private Object body;
    /** The {@link Generator} or {@link Iterator} a {@code yieldFrom} delegates to ({@link Delegation}). */
    Object delegate;

    Generator(Object body) {
        this.body = body;
    }

    /**
     * Creates a generator from a body that returns nothing. It does not start until advanced.
     *
     * <p>A lambda whose body is an expression ({@code () -> countdown(3)}) is taken as a
     * statement here: a value it computes is discarded. Use {@link #returning(CoSupplier)} to
     * keep it.
     *
     * @param body the coroutine body, typically a lambda or method reference
     * @param <T>  the type of the values it yields
     * @return the new generator
     */
    public static <T> Generator<T> of(CoRunnable body) {
        return create(body, AUTO_CLOSE_ALL);
    }

    /**
     * Creates a generator from a body that returns a value, Python's {@code return value} in a
     * generator: the value is kept as {@link #returnValue()}, carried by the
     * {@link StopIteration} that ends the iteration, and handed to a delegating
     * {@link Co#yieldFrom(Generator)}. It does not start until advanced.
     *
     * <p>A name of its own rather than an overload of {@link #of(CoRunnable)}: with both named
     * {@code of}, javac cannot choose for a method reference to an overloaded or generic method
     * ({@code Generator.of(Parser::parse)} is "ambiguous"), and where it can choose, whether the
     * return value is kept depends on an overload rule the reader cannot see. Here the call says
     * it.
     *
     * @param body the coroutine body, typically a lambda or method reference
     * @param <T>  the type of the values it yields
     * @return the new generator
     */
    public static <T> Generator<T> returning(CoSupplier<?> body) {
        return create(body, AUTO_CLOSE_ALL);
    }

    /**
     * Creates a generator that is closed, as CPython closes generators it collects, once it
     * becomes unreachable while suspended: {@link GeneratorExit} is raised at its suspension
     * point on a background cleaner thread (never the thread that dropped it), so its
     * {@code finally} blocks run. An error during that close is reported on standard error.
     * Otherwise it behaves exactly as {@link #of(CoRunnable)}.
     *
     * <p>Off by default: closing runs user code at an unpredictable time on another thread, and
     * costs a delegation step per advance. The system property {@code jcoro.autoClose=true} makes
     * {@link #of} and {@link #returning} create such generators everywhere. Without it, an
     * abandoned generator is simply garbage collected with everything it holds; its
     * {@code finally} blocks never run.
     *
     * @param body the coroutine body
     * @param <T>  the type of the values it yields
     * @return the new generator
     */
    public static <T> Generator<T> autoClosing(CoRunnable body) {
        return create(body, true);
    }

    /**
     * As {@link #autoClosing(CoRunnable)}, for a body that returns a value (see
     * {@link #returning(CoSupplier)}).
     *
     * @param body the coroutine body
     * @param <T>  the type of the values it yields
     * @return the new generator
     */
    public static <T> Generator<T> autoClosingReturning(CoSupplier<?> body) {
        return create(body, true);
    }


    /** The factories' common body. */
    private static <T> Generator<T> create(Object body, boolean autoClose) {
        Generator<T> g = new Generator<>(Objects.requireNonNull(body, "body"));
        return autoClose ? ClosingHandles.wrap(g) : g;
    }

    /** A handle's delegate finished: so does the handle, with its result or its exception. */
    private Object endOfClosingHandle() {
        Object result = value;
        if ((flags & THROWING) != 0) {
            finish(null);
            throw Diagnostics.<RuntimeException>sneaky((Throwable) result);
        }
        finish(result);
        return DONE;
    }

    // ---- Python's protocol -------------------------------------------------------------------

    /**
     * Runs the body to its next yield and returns the value yielded; Python's {@code next(g)}.
     *
     * <p>Whatever the body throws comes out here unchanged, checked exceptions included
     * (this method does not declare them: see {@link Co#mayThrow(Class)}); a
     * {@link java.util.NoSuchElementException} escaping the body becomes an
     * {@link IllegalStateException} (PEP 479, see the class comment).
     *
     * @return the value yielded
     * @throws StopIteration if the body returns (carrying its return value) or had finished
     */
    @Override
    public T next() {
        return yielded(advance(null, null));
    }

    /**
     * Resumes the body with {@code value} as the result of the yield it is suspended at, and
     * returns the next value it yields; Python's {@code g.send(value)}.
     *
     * @param value the value the pending {@code Co.yield} returns
     * @return the next value yielded
     * @throws IllegalArgumentException if the generator has not started and {@code value} is
     *                                  not null
     * @throws StopIteration            if the body returns or had finished
     * @see #next() for what the body throws
     */
    public T send(Object value) {
        return yielded(advance(value, null));
    }

    /**
     * Raises {@code error} at the suspension point; Python's {@code g.throw(error)}. If the body
     * catches it and yields, that value is returned; if it propagates, it is rethrown here and
     * the generator is finished. Into a generator that has not started it is raised before the
     * body's first line, which never runs; into a finished one it is simply thrown.
     *
     * <p>Any {@code Throwable} may be thrown in, checked or not; {@link Co#mayThrow(Class)} lets
     * the body catch a checked one by its type. A {@link java.util.NoSuchElementException}
     * thrown in and not caught comes out as an {@link IllegalStateException} with it as cause
     * (PEP 479), unless the generator had already finished.
     *
     * @param error the exception to raise inside the body
     * @return the next value yielded
     * @throws StopIteration if the body catches the exception and returns
     */
    public T throwIn(Throwable error) {
        return yielded(stepThrowing(error));
    }

    /**
     * Closes the generator: raises {@link GeneratorExit} at its suspension point so that its
     * {@code finally} blocks run; Python's {@code g.close()}. Does nothing if the generator has
     * not started or has finished. A value fetched by {@link #hasNext()} and not yet returned
     * by {@link #next()} is dropped.
     *
     * @throws IllegalStateException if the body yields instead of finishing ("generator ignored
     *                               GeneratorExit"; it stays suspended there), or if the
     *                               generator is executing
     */
    @Override
    public void close() {
        if (state == CREATED && STATE.compareAndSet(this, CREATED, CLOSED)) {
            body = null;
            return;
        }
        // No longer CREATED, and never again: acquire() returns SUSPENDED or CLOSED.
        if (acquire() == CLOSED) {
            return;
        }
        out = null; // a value hasNext() fetched is dropped
        Object r;
        try {
            r = run(null, new GeneratorExit(), true);
        } catch (GeneratorExit expected) {
            return;
        }
        if (release(r) != DONE) {
            throw new IllegalStateException("generator ignored GeneratorExit");
        }
    }

    // ---- Iterator, Iterable, Stream ----------------------------------------------------------

    /**
     * Whether {@link #next()} will return a value: runs the body to its next yield if needed and
     * keeps the value for {@code next()}. Never throws {@link StopIteration}.
     *
     * @return false once the body has finished
     */
    @Override
    public boolean hasNext() {
        int s = acquire();
        if (s == CLOSED) {
            return false;
        }
        if (out != null) { // a value fetched by the last hasNext(); never on a CREATED generator
            STATE.setRelease(this, SUSPENDED);
            return true;
        }
        return peek(s == SUSPENDED);
    }

    private boolean peek(boolean started) {
        Object r = run(null, null, started);
        if (r == DONE) {
            return false;
        }
        out = r != null ? r : NULL_OUT; // next() takes it
        STATE.setRelease(this, SUSPENDED);
        return true;
    }

    /** @return this generator: like Python's, a generator is iterable once */
    @Override
    public Iterator<T> iterator() {
        return this;
    }

    /** @return a sequential stream of the values still to come; closing it closes the generator */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    // ---- queries -----------------------------------------------------------------------------

    /** @return where the generator is in its life cycle */
    public GeneratorState state() {
        switch (state) {
            case CREATED:
                return GeneratorState.CREATED;
            case SUSPENDED:
                return GeneratorState.SUSPENDED;
            case RUNNING:
                return GeneratorState.RUNNING;
            default:
                return GeneratorState.CLOSED;
        }
    }

    /** @return whether the body has finished: returned, thrown, or been closed */
    public boolean isDone() {
        return state == CLOSED;
    }

    /**
     * The value the body returned, once it has returned normally (Python's
     * {@code StopIteration.value}); {@code null} before that, for a {@link CoRunnable} body, or
     * if the body ended with an exception or was closed (unless it returned a value while
     * closing).
     *
     * <p>It is an {@code Object}, to be cast ({@code (String) g.returnValue()},
     * {@code (int) g.returnValue()}) or read with {@link #returnValue(Class)}. A type parameter
     * inferred from the call site would make {@code sb.append(g.returnValue())} or
     * {@code println(g.returnValue())} ambiguous, and a second type parameter on
     * {@code Generator} would burden every declaration for a value most bodies do not return.
     *
     * @return the return value
     */
    public Object returnValue() {
        return state == CLOSED ? value : null;
    }

    /**
     * The {@link #returnValue()}, checked to be of {@code type}: {@code g.returnValue(Integer.class)}.
     *
     * @param type the class of the expected value (a wrapper class for a primitive)
     * @param <R>  its type
     * @return the return value, or {@code null}
     * @throws ClassCastException if the value is not a {@code type}
     */
    public <R> R returnValue(Class<R> type) {
        return type.cast(returnValue());
    }

    /**
     * Where the generator is suspended: its frames, innermost first, each naming the class,
     * method and line of the suspension point or call it waits in. While delegating with
     * {@code yieldFrom}, the sub-generator's frames come first. Empty unless suspended.
     *
     * <p>This reads the saved state and runs nothing, so it works at any depth and never
     * disturbs the generator.
     *
     * @return the suspended frames
     * @throws IllegalStateException if the generator is executing
     */
    public List<StackTraceElement> suspendedFrames() {
        if (!STATE.compareAndSet(this, SUSPENDED, RUNNING)) {
            if (state == RUNNING) {
                throw alreadyExecuting();
            }
            return List.of();
        }
        try {
            List<StackTraceElement> frames = new ArrayList<>();
            if (delegate instanceof Generator<?> sub) {
                frames.addAll(sub.suspendedFrames());
            }
            if (!(body instanceof Generator)) {
                frames.addAll(SavedFrames.read(this));
            }
            return frames;
        } finally {
            STATE.setRelease(this, SUSPENDED);
        }
    }

    @Override
    public String toString() {
        return "Generator[" + state() + "]";
    }

    // ---- the engine --------------------------------------------------------------------------

    /** Sink's view: advance without exceptions for the end. */
    Object step(Object sent) {
        return advance(sent, null);
    }

    /**
     * Sink's and {@link #throwIn}'s step: the value yielded or {@link #DONE}; into a finished
     * generator, {@code error} itself is thrown (never a StopIteration of ours in its place).
     */
    Object stepThrowing(Throwable error) {
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
    Object advance(Object sent, Throwable thrown) {
        // The plain read spares a new generator a compare-and-set that is bound to fail.
        if (state != SUSPENDED || !STATE.compareAndSet(this, SUSPENDED, RUNNING)) {
            return advanceSlow(sent, thrown);
        }
        return advanceRunning(sent, thrown);
    }

    private Object advanceRunning(Object sent, Throwable thrown) {
        if (out != null) {
            return takePeeked(sent, thrown);
        }
        return release(run(sent, thrown, true));
    }

    private Object advanceSlow(Object sent, Throwable thrown) {
        // Checked before taking the generator, so it stays unstarted. A state read other than
        // CREATED is never CREATED again: acquire() returns CREATED only if this check passed.
        if (thrown == null && sent != null && state == CREATED) {
            throw new IllegalArgumentException("can't send non-null value to a just-started generator");
        }
        int s = acquire();
        if (s == SUSPENDED) {
            return advanceRunning(sent, thrown);
        }
        if (s == CLOSED) {
            return EXHAUSTED;
        }
        if (thrown != null) { // raised before the body's first line: it never runs
            finish(null);
            throw Diagnostics.<RuntimeException>sneaky(escaping(thrown));
        }
        return release(run(null, null, false));
    }

    /**
     * Takes the generator for a step, from SUSPENDED or CREATED to RUNNING.
     *
     * @return the state it was in: SUSPENDED or CREATED (now RUNNING), or CLOSED (unchanged)
     * @throws IllegalStateException if it is executing
     */
    private int acquire() {
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
    private Object release(Object r) {
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
        STATE.setRelease(this, SUSPENDED);
        return v != NULL_OUT ? v : null;
    }

    @SuppressWarnings("unchecked")
    private T yielded(Object r) {
        if (r == DONE) {
            throw new StopIteration("generator returned", value);
        }
        if (r == EXHAUSTED) {
            throw new StopIteration("generator already finished", null);
        }
        return (T) r;
    }

    private static IllegalStateException alreadyExecuting() {
        return new IllegalStateException("generator already executing");
    }

    /**
     * One step with the state already RUNNING: first the delegate, if any, then the body's own
     * frames. The caller releases the state if the generator is not finished.
     */
    private Object run(Object sent, Throwable thrown, boolean started) {
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
            value = thrown;
            flags = THROWING;
        } else if (sent != null) { // value is null while suspended: next() stores nothing
            value = sent;
        }
        return enterBody(started, false);
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
            flags = 0;
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
    void delegateTo(Object sub, Object first) {
        delegate = sub;
        out = first != null ? first : NULL_OUT;
    }

    /**
     * {@link Delegation#step}: the delegation is over, and the {@code yieldFrom} returns
     * {@code result}, or throws it if {@code throwing}.
     *
     * @return {@link Delegation#OVER}
     */
    Object endDelegation(Object result, boolean throwing) {
        delegate = null;
        value = result;
        if (throwing) {
            flags = THROWING;
        }
        return Delegation.OVER;
    }
}
