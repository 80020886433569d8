package io.jcoro.benchmarks.heap;

/**
 * One column of M1: makes coroutines suspended at a given depth, the same body as the B2
 * benchmark of that column (a counter yielding {@code depth} frames deep).
 */
public interface Suspender {
    /** @return the column's name, as in the JMH results ({@code jcoro}, {@code floor}, ...) */
    String column();

    /**
     * @param depth frames on the coroutine's stack when it yields, the body included
     * @return a new coroutine, advanced to its first yield
     */
    Object suspend(int depth);

    /**
     * Waits until every coroutine made is really suspended (a thread may still be on its way).
     *
     * @param all what {@link #suspend} returned
     */
    default void awaitSuspended(Object[] all) {
    }

    /**
     * Lets go of them (ends threads, for instance).
     *
     * @param all what {@link #suspend} returned
     */
    default void release(Object[] all) {
    }
}
