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
 * stored into a long-lived object costs a card-marking barrier, often with a fence. So the
 * carrier keeps the generators running on it in a small array indexed by nesting depth and does
 * not clear a slot when its generator suspends: resuming the same generators again (a loop, a
 * pipeline of consumers) finds them in place and writes no reference at all. The price is that
 * each slot keeps its last generator reachable until another one runs at that depth on the
 * same thread.
 */
final class Carrier {
    private static final ThreadLocal<Carrier> LOCAL = ThreadLocal.withInitial(Carrier::new);

    /** The last carrier used; never null, so the fast path needs no null test. */
    private static Carrier cached = new Carrier(null);

    final Thread thread;
    /** Stands in when no generator runs; per thread so that plain calls write no shared line. */
    private final Continuation idle;
    /** The generators running on this thread, outermost first, up to {@link #depth}. */
    private Continuation[] running = new Continuation[4];
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
        int d = depth;
        return d != 0 ? running[d - 1] : idle;
    }

    /** Makes {@code c} the innermost running continuation, until {@link #leave}. */
    void enter(Continuation c) {
        Continuation[] r = running;
        int d = depth;
        if (d == r.length) {
            r = running = java.util.Arrays.copyOf(r, 2 * d);
        }
        if (r[d] != c) {
            r[d] = c;
        }
        depth = d + 1;
    }

    /** The innermost running continuation stops running; the one outside it runs again. */
    void leave() {
        depth--;
    }
}
