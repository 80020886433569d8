package io.jcoro.core.internal;

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
 * carrier does not clear what it holds when a generator suspends: the outermost running
 * generator stays in {@link #outermost}, nested ones in a small array indexed by depth, and
 * resuming the same generators again (a loop, a pipeline of consumers) finds them in place and
 * writes no reference at all. The price is that each place keeps its last generator reachable
 * until another one runs at that depth on the same thread. The outermost has a field of its
 * own because every frame's lookup reads it: one load, where the array costs three.
 */
public final class Carrier {
    private static final ThreadLocal<Carrier> LOCAL = ThreadLocal.withInitial(Carrier::new);

    /** The last carrier used; never null, so the fast path needs no null test. */
    private static Carrier cached = new Carrier(null);

    final Thread thread;
    /** Stands in when no generator runs; per thread so that plain calls write no shared line. */
    private final Continuation idle;
    /** The outermost generator running on this thread, if {@link #depth} > 0. */
    private Continuation outermost;
    /** The generators nested inside it, at depths 2, 3, ... (index 0 is depth 2). */
    private Continuation[] nested = new Continuation[2];
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

    /** @return the calling thread's carrier */
    public static Carrier current() {
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
    public Continuation running() {
        if (depth == 1) {
            return outermost;
        }
        return depth == 0 ? idle : nested[depth - 2];
    }

    /**
     * Makes {@code c} the innermost running continuation, until {@link #leave}.
     *
     * @param c the continuation about to run
     */
    public void enter(Continuation c) {
        int d = depth;
        if (d == 0) {
            if (outermost != c) {
                outermost = c;
            }
        } else {
            enterNested(c, d - 1);
        }
        depth = d + 1;
    }

    private void enterNested(Continuation c, int i) {
        Continuation[] n = nested;
        if (i == n.length) {
            n = nested = java.util.Arrays.copyOf(n, 2 * i);
        }
        if (n[i] != c) {
            n[i] = c;
        }
    }

    /** The innermost running continuation stops running; the one outside it runs again. */
    public void leave() {
        depth--;
    }
}
