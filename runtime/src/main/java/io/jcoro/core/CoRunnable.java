package io.jcoro.core;

/**
 * A coroutine body that returns nothing: the usual shape of a generator or consumer body.
 * Lambdas and method references of this type are instrumented without any annotation.
 *
 * <p>The body may throw any exception, checked ones included, as a Python generator may raise
 * anything: it comes out of the {@code next}, {@code send}, {@code throwIn} or {@code close}
 * that was running the body, unchanged and unwrapped (those methods do not declare it; see
 * {@link Co#mayThrow(Class)} to catch it by its type).
 *
 * <p>The price, as for {@link java.util.concurrent.Callable}: code that calls {@code run()}
 * itself must handle or declare {@code Exception}. A coroutine that calls bodies it is handed
 * can declare {@code throws Exception}, or take a {@code @Coroutine} functional interface of
 * its own whose method declares what it needs.
 *
 * @see Generator#of(CoRunnable)
 */
@FunctionalInterface
public interface CoRunnable {
    /**
     * Runs the body; it may suspend anywhere, at any depth.
     *
     * @throws Exception whatever the body throws, passed on unchanged
     */
    @Coroutine
    void run() throws Exception;
}
