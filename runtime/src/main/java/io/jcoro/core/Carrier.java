package io.jcoro.core;

/**
 * A thread's view of coroutines: which continuation runs on it now.
 *
 * <p>Every instrumented frame looks this up on entry, so the lookup must cost next to nothing.
 * A {@link ThreadLocal} costs a hash probe; instead a single static slot caches the carrier of
 * the thread that used coroutines last, and a hit is one load and one compare with
 * {@link Thread#currentThread()}. The slot is written racily on purpose: a {@code Carrier}'s
 * {@code thread} is final, so a thread that reads another thread's carrier sees it is not its
 * own and falls back to the thread-local. Single-threaded use (generators, pipelines, the
 * scheduler) always hits; concurrent use from several threads still works at thread-local speed.
 */
final class Carrier {
    private static final ThreadLocal<Carrier> LOCAL = ThreadLocal.withInitial(Carrier::new);

    /** The last carrier used; never null, so the fast path needs no null test. */
    private static Carrier last = new Carrier(null);

    final Thread thread;
    /** Runs when no generator does; per thread so that plain calls write no shared line. */
    final Continuation idle;
    /** The innermost generator running on this thread, or {@link #idle}. */
    Continuation current;

    private Carrier() {
        this(Thread.currentThread());
    }

    private Carrier(Thread thread) {
        this.thread = thread;
        this.idle = new Continuation.Idle();
        this.current = idle;
    }

    static Carrier current() {
        Carrier c = last;
        if (c.thread == Thread.currentThread()) {
            return c;
        }
        return miss();
    }

    private static Carrier miss() {
        Carrier c = LOCAL.get();
        last = c;
        return c;
    }
}
