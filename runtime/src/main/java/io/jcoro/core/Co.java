package io.jcoro.core;

/**
 * Suspension points: the verbs a coroutine uses. Java reserves unqualified {@code yield}, so
 * write {@code Co.yield(x)}.
 *
 * <p>These calls are intrinsics: in a {@link Coroutine} method (or a coroutine lambda) the agent
 * replaces them with inline code, so their bodies below run only when called from code that was
 * not instrumented, and then they fail with a message naming the calling frame.
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
        throw Diagnostics.notInstrumented("Co.yield");
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
        throw Diagnostics.notInstrumented("Co.receive");
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
        throw Diagnostics.notInstrumented("Co.yieldFrom");
    }

    /**
     * Yields every element of {@code items} in turn, Python's {@code yield from iterable}.
     * Sending a non-null value in while it runs raises {@link IllegalArgumentException} here, as
     * a plain iterator cannot receive values.
     *
     * @param items the elements to yield
     */
    @Coroutine
    public static void yieldFrom(Iterable<?> items) {
        throw Diagnostics.notInstrumented("Co.yieldFrom");
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
}
