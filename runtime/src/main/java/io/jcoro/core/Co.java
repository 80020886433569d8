package io.jcoro.core;

import io.jcoro.core.internal.Carrier;
import io.jcoro.core.internal.Continuation;
import io.jcoro.core.internal.Diagnostics;

/**
 * Suspension points: the verbs a coroutine uses. Java reserves unqualified {@code yield}, so
 * write {@code Co.yield(x)}.
 *
 * <p>These calls are intrinsics: in a {@link Coroutine} method (or a coroutine lambda) the agent
 * replaces them with inline code, so their bodies below run only when called from code that was
 * not instrumented. What a suspension where none is possible throws, always an
 * {@link IllegalStateException} whose message names the calling frame:
 * <ul>
 *   <li>from instrumented code that no generator is running (a {@code @Coroutine} method
 *       called directly): {@code IllegalStateException("Co.yield called outside any generator,
 *       at ...")} ({@code Co.receive} reports itself as {@code Co.yield}, the
 *       {@code yield(null)} it is; {@code Co.yieldFrom} as {@code Co.yieldFrom});
 *   <li>from a method that is not instrumented: {@link NotInstrumentedException} (a subclass),
 *       saying that the agent is not installed, or that no generator runs either, or, inside a
 *       generator, that the calling method is not a coroutine and how to make it one.
 * </ul>
 *
 * <pre>{@code
 * @Coroutine
 * static void countdown(int n) {
 *     while (n > 0) {
 *         Co.yield(n);      // suspends the generator; resumes here on next()
 *         n--;
 *     }
 * }
 * Generator<Integer> g = Generator.of(() -> countdown(3));   // 3, 2, 1
 * }</pre>
 */
public final class Co {
    private Co() {
    }

    /**
     * Yields {@code value} to whoever advanced the generator and suspends until it is advanced
     * again; Python's {@code received = yield value}.
     *
     * @param value the value {@code next()} or {@code send()} returns to the caller
     * @param <S>   the type the caller sends in (unchecked, as Python's)
     * @return the value sent in by {@code send(x)}, or {@code null} after {@code next()}
     * @throws GeneratorExit when the generator is being closed (let it propagate)
     */
    @Coroutine
    public static <S> S yield(Object value) {
        throw notInstrumented("Co.yield");
    }

    /**
     * Suspends until a value is sent in, yielding {@code null}; the consumer's
     * {@code item = (yield)}.
     *
     * @param <S> the type of the items sent in (unchecked)
     * @return the value sent in
     */
    @Coroutine
    public static <S> S receive() {
        throw notInstrumented("Co.receive");
    }

    /**
     * Delegates to a sub-generator until it finishes, Python's {@code result = yield from sub}:
     * every value it yields goes out to this generator's caller, every {@code send},
     * {@code throwIn} and {@code close} on this generator goes into it (close closes it, then
     * raises {@link GeneratorExit} here), and its return value comes back as the result.
     * While delegating, this generator does not re-enter its own frames: a resume goes straight
     * to the sub-generator.
     *
     * @param sub the generator to run to completion
     * @param <R> the type of its return value (unchecked)
     * @return the sub-generator's return value
     */
    @Coroutine
    public static <R> R yieldFrom(Generator<?> sub) {
        throw notInstrumented("Co.yieldFrom");
    }

    /**
     * Yields every element of {@code items} in turn, Python's {@code yield from iterable}.
     * Sending a non-null value in while it runs raises {@link IllegalArgumentException} here, as
     * a plain iterator cannot receive values.
     *
     * <p>As PEP 380 says for an iterator: closing this generator (or throwing
     * {@link GeneratorExit} in) while it delegates calls {@code close()} on the iterator if it
     * is {@link AutoCloseable}, then raises {@code GeneratorExit} here (or what that
     * {@code close()} threw). An iterator has no {@code throw()}, so another exception thrown
     * in is raised here without reaching it, and it is not closed. (A {@link Generator} passed
     * as an {@code Iterable} is delegated to as a generator.)
     *
     * @param items the elements to yield
     */
    @Coroutine
    public static void yieldFrom(Iterable<?> items) {
        throw notInstrumented("Co.yieldFrom");
    }

    /**
     * Lets a {@code catch} clause name a checked exception that only a suspension can raise: one
     * thrown in with {@link Generator#throwIn(Throwable)}, or coming out of another generator's
     * {@code next()}. javac refuses {@code catch (IOException e)} around a {@code Co.yield}, as
     * nothing in the block declares it; this call, placed in the {@code try} block, declares
     * {@code X} and does nothing else.
     *
     * <pre>{@code
     * try {
     *     Co.mayThrow(IOException.class);
     *     String line = Co.receive();
     *     ...
     * } catch (IOException e) {      // thrown in with throwIn(new IOException(...))
     *     ...
     * }
     * }</pre>
     *
     * <p>The alternative without it: {@code catch (Exception e)}, then
     * {@code if (!(e instanceof IOException io)) throw e;} (javac's precise rethrow lets the
     * other exceptions pass on undeclared). It is not a suspension point and costs nothing.
     *
     * @param type the checked exception the block may raise
     * @param <X>  its type
     * @throws X never: the declaration is the point
     */
    public static <X extends Throwable> void mayThrow(Class<X> type) throws X {
        java.util.Objects.requireNonNull(type, "type");
    }

    /**
     * Returns the generator running on this thread, the innermost if generators are nested.
     *
     * @return the running generator
     * @throws IllegalStateException if no generator runs on this thread
     */
    public static Generator<?> current() {
        Continuation c = Carrier.current().running();
        if (c instanceof Generator<?> g) {
            return g;
        }
        throw new IllegalStateException("no generator runs on this thread");
    }

    /** The exception a suspension point throws when the code calling it was not instrumented. */
    private static RuntimeException notInstrumented(String api) {
        return notInstrumented(api, null);
    }

    /**
     * As {@link #notInstrumented(String)}, for an intrinsic declared outside this class.
     *
     * @param facade the name of the class declaring it, whose frames the message skips, or null
     */
    static RuntimeException notInstrumented(String api, String facade) {
        return Diagnostics.notInstrumented(api, facade, Jcoro.isInstalled() || Jcoro.isWovenProgram(),
                System.getProperty(Jcoro.CONTRACT_MISMATCH_PROPERTY));
    }
}
