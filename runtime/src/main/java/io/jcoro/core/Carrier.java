package io.jcoro.core;

/**
 * A thread's view of coroutines: which continuation runs on it now.
 *
 * <p>Every instrumented frame looks this up on entry, so the lookup must cost next to nothing.
 * A {@link ThreadLocal} costs a hash probe; instead a single static slot caches the carrier of
 * the thread that used coroutines last, and a hit is one load and one compare with
 * {@link Thread#currentThread()}. The slot is written racily on purpose: a {@code Carrier}'s
 * {@code thread} is final, so a thread that reads another thread's carrier sees it is not its
 * own and falls back to the thread-local. A thread takes the slot over only after a run of
 * misses, so two threads running coroutines at once do not bounce its cache line on every
 * lookup. Single-threaded use (generators, pipelines, the scheduler) always hits; concurrent
 * use from several threads works at about thread-local speed.
 *
 * <p>Resuming a generator must not write references when it can avoid it: under G1 a reference
 * stored into a long-lived object costs a card-marking barrier, often with a fence. So the carrier
 * keeps the last generator that ran in {@link #last} and only counts how deep generators are
 * nested; resuming the same generator again (the usual loop) stores no reference at all. The
 * price is that {@code last} keeps one finished or abandoned generator per thread reachable until
 * another generator runs on that thread.
 */
final class Carrier {
    private static final ThreadLocal<Carrier> LOCAL = ThreadLocal.withInitial(Carrier::new);

    /** The last carrier used; never null, so the fast path needs no null test. */
    private static Carrier cached = new Carrier(null);

    final Thread thread;
    /** Stands in when no generator runs; per thread so that plain calls write no shared line. */
    private final Continuation idle;
    /** The innermost generator running on this thread if {@link #depth} > 0. */
    private Continuation last;
    /** How many generators are running (nested) on this thread. */
    private int depth;
    /** Lookups that missed the static slot since this carrier last took it. */
    private int misses;

    private Carrier() {
        this(Thread.currentThread());
    }

    private Carrier(Thread thread) {
        this.thread = thread;
        this.idle = new Continuation.Idle();
        this.last = idle;
    }

    static Carrier current() {
        Carrier c = cached;
        if (c.thread == Thread.currentThread()) {
            return c;
        }
        return miss();
    }

    /** Misses a thread tolerates before it takes the static slot over. */
    private static final int TAKEOVER = 32;

    private static Carrier miss() {
        Carrier c = LOCAL.get();
        if (++c.misses >= TAKEOVER) {
            c.misses = 0;
            cached = c;
        }
        return c;
    }

    /** @return the innermost continuation running on this thread, or the idle one */
    Continuation running() {
        return depth != 0 ? last : idle;
    }

    /**
     * Makes {@code c} the running continuation.
     *
     * @return what to hand back to {@link #leave} (the continuation running before)
     */
    Continuation enter(Continuation c) {
        Continuation outer = depth != 0 ? last : null;
        if (last != c) {
            last = c;
        }
        depth++;
        return outer;
    }

    /** Undoes {@link #enter}: {@code outer} runs again, or nothing does. */
    void leave(Continuation c, Continuation outer) {
        depth--;
        if (outer != null && outer != c) {
            last = outer;
        }
    }
}
