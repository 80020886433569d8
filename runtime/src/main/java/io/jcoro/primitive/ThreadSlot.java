package io.jcoro.primitive;

/**
 * Where a primitive yield leaves its value's bits: one slot per thread, read back by the
 * generator's caller on the same thread as soon as the step that wrote it returns.
 *
 * <p>A lookup must cost next to nothing, as it happens on every value: a single static field
 * caches the slot of the thread that yielded last, and a hit is one load and one compare with
 * {@link Thread#currentThread()} ({@code thread} is final, so a thread that reads another's slot
 * sees it is not its own and falls back to the thread-local). A thread takes the cache over after
 * a run of misses, so threads yielding at once do not bounce its cache line on every value.
 */
final class ThreadSlot {
    private static final ThreadLocal<ThreadSlot> LOCAL = ThreadLocal.withInitial(ThreadSlot::new);
    /** Misses a thread tolerates before it takes the cache over. */
    private static final int TAKEOVER = 32;
    /** The last slot used; never null, so the fast path needs no null test. */
    private static ThreadSlot cached = new ThreadSlot(null);

    final Thread thread;
    /** The bits of the value yielded last on this thread ({@code int} and {@code long} as they
     *  are, {@code double} as its raw long bits). */
    long bits;
    private int misses;

    private ThreadSlot() {
        this(Thread.currentThread());
    }

    private ThreadSlot(Thread thread) {
        this.thread = thread;
    }

    /** @return the running thread's slot */
    static ThreadSlot current() {
        ThreadSlot s = cached;
        if (s.thread == Thread.currentThread()) {
            return s;
        }
        return miss();
    }

    private static ThreadSlot miss() {
        ThreadSlot s = LOCAL.get();
        if (++s.misses >= TAKEOVER) {
            s.misses = 0;
            cached = s;
        }
        return s;
    }
}
