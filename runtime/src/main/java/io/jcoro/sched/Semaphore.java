package io.jcoro.sched;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import java.util.Objects;

/**
 * A counting semaphore for tasks: trio's and curio's {@code Semaphore}, to bound how many tasks
 * do something at once (connections to a database, requests to a peer).
 *
 * <pre>{@code
 * Semaphore slots = new Semaphore("db", 4);
 * slots.acquire();                 // suspends while 4 tasks hold a permit
 * try {
 *     query();
 * } finally {
 *     slots.release();
 * }
 * }</pre>
 *
 * Waiting tasks get permits first come, first served: {@link #release()} hands its permit to
 * the first waiter, so a newcomer cannot overtake it. A wait is a suspension point: a deadline
 * or a cancellation ends it with {@link Cancelled} and no permit. A waiter that was handed a
 * permit holds it, even if a cancellation arrives before it runs (it is delivered at its next
 * suspension, inside the {@code try}, and the {@code finally} releases). Used by the tasks of one
 * scheduler, on any of its kernels (its monitor guards it).
 */
public final class Semaphore {
    private final String name;
    private final WaitQueue waiters = new WaitQueue();
    private int permits;

    /**
     * @param name    the name in {@linkplain Scheduler#dump() task dumps}
     * @param permits how many permits there are at first
     * @throws IllegalArgumentException if negative
     */
    public Semaphore(String name, int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be 0 or more: " + permits);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.permits = permits;
    }

    /** @param permits how many permits there are at first */
    public Semaphore(int permits) {
        this("semaphore", permits);
    }

    /**
     * Takes a permit, suspending the task until one is free.
     *
     * @throws Cancelled if the task is cancelled or a deadline passes first; no permit is held
     */
    @Coroutine
    public void acquire() {
        if (tryAcquire()) {
            return;
        }
        Waiter w = new Waiter("acquire", this, null, null, 0);
        try {
            Co.yield((SystemCall) (k, task) -> {
                w.bind(k, task);
                boolean now;
                synchronized (this) {
                    now = tryAcquire();
                    w.done = now; // granted at once: undone like a hand-over if the task is killed first
                    if (!now) {
                        w.park(waiters);
                    }
                }
                if (now) {
                    k.resume(task, null);
                }
            });
        } catch (Throwable killed) {
            if (granted(w)) {
                release(); // granted, then killed before it ran: the permit is not lost
            }
            throw killed;
        }
    }

    /**
     * Takes a permit if one is free now.
     *
     * @return whether it did
     */
    public synchronized boolean tryAcquire() {
        if (permits > 0 && waiters.isEmpty()) {
            permits--;
            return true;
        }
        return false;
    }

    /** Gives a permit back: to the first waiting task if there is one. Does not suspend. */
    public void release() {
        Waiter w;
        synchronized (this) {
            w = waiters.pollCompleted(null, false);
            if (w == null) {
                permits++;
            }
        }
        if (w != null) {
            w.wake(); // the permit passed straight to it
        }
    }

    /** @return whether {@code w} was handed a permit; under the lock a release on another kernel took */
    private synchronized boolean granted(Waiter w) {
        return w.done;
    }

    /** @return how many permits are free */
    public synchronized int available() {
        return permits;
    }

    /** @return how many tasks wait for a permit */
    public synchronized int waiting() {
        return waiters.size();
    }

    @Override
    public String toString() {
        return "semaphore '" + name + "' (" + permits + " free)";
    }
}
