package io.jcoro.core;

import io.jcoro.core.internal.SavedFrames;
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
public final class Generator<T> extends GeneratorEngine implements Iterator<T>, Iterable<T>, AutoCloseable {
    // Python's protocol and Java's faces. The life-cycle state, the fields a step works on and
    // the step itself (advance, run) are GeneratorEngine's, a superclass so that they cost no
    // object or indirection of their own.

    /** {@code -Djcoro.autoClose=true}: every generator is {@link #autoClosing}. */
    private static final boolean AUTO_CLOSE_ALL = Boolean.getBoolean("jcoro.autoClose");

    static {
        Jcoro.autoInstall();
    }

    Generator(Object body) {
        super(body);
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

    /** The value a step returned, or the {@link StopIteration} that ends the iteration. */
    @SuppressWarnings("unchecked")
    private T yielded(Object r) {
        if (r == DONE || r == EXHAUSTED) {
            throw stopIteration(r);
        }
        return (T) r;
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
        return fetch(null);
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
}
