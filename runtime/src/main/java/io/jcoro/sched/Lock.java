package io.jcoro.sched;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import java.util.Objects;

/**
 * A mutual-exclusion lock for tasks: trio's and curio's {@code Lock}. Only one task holds it;
 * the others wait in {@link #acquire()}, first come, first served. Unlike a
 * {@code java.util.concurrent} lock it does not block the thread, and unlike
 * {@code synchronized} it may be held across suspensions (a {@code recv}, a {@code sleep}).
 *
 * <pre>{@code
 * lock.acquire();
 * try {
 *     connection.sendAll(header);    // no other task writes between these two
 *     connection.sendAll(body);
 * } finally {
 *     lock.release();
 * }
 * }</pre>
 *
 * Not re-entrant: a task that acquires a lock it holds is refused, rather than waiting for
 * itself for ever. {@link #release()} hands the lock straight to the first waiter. A wait is a
 * suspension point (a deadline or a cancellation ends it without the lock); a waiter that was
 * handed the lock holds it, as for {@link Semaphore}. Used by the tasks of one scheduler, on any of
 * its kernels (its monitor guards it).
 */
public final class Lock {
    private final String name;
    private final WaitQueue waiters = new WaitQueue();
    private Task owner;

    /** @param name the name in {@linkplain Scheduler#dump() task dumps} */
    public Lock(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Creates a lock named "lock". */
    public Lock() {
        this("lock");
    }

    /**
     * Takes the lock, suspending the task while another holds it; returns at once if it is free.
     *
     * @throws IllegalStateException if the calling task holds it already, or outside a task
     * @throws Cancelled             if the task is cancelled or a deadline passes first
     */
    @Coroutine
    public void acquire() {
        Task me = caller("acquire");
        if (takeIfFree(me)) {
            return;
        }
        Waiter w = new Waiter("acquire", this, null, null, 0);
        try {
            Co.yield((SystemCall) (k, task) -> {
                w.bind(k, task);
                boolean now;
                synchronized (this) {
                    now = grab(task);
                    if (!now) {
                        w.park(waiters);
                    }
                }
                if (now) {
                    k.resume(task, null);
                }
            });
        } catch (Throwable killed) {
            if (holds(me)) { // under the lock a release on another kernel handed it over with
                handOver(); // handed the lock, then killed before it ran: pass it on
            }
            throw killed;
        }
    }

    /**
     * Takes the lock if it is free now.
     *
     * @return whether it did
     * @throws IllegalStateException outside a task
     */
    public boolean tryAcquire() {
        Task me = caller("tryAcquire");
        synchronized (this) {
            return grab(me);
        }
    }

    /**
     * Gives the lock up; the first waiting task, if any, takes it.
     *
     * @throws IllegalStateException if the calling task does not hold it
     */
    public void release() {
        Task me = caller("release");
        synchronized (this) {
            if (owner != me) {
                throw new IllegalStateException(this + ": task " + me.id + " cannot release it; "
                        + (owner == null ? "nobody holds it" : "task " + owner.id + " does"));
            }
        }
        handOver();
    }

    private void handOver() {
        Waiter w;
        synchronized (this) {
            w = waiters.pollCompleted(null, false);
            owner = w == null ? null : w.task;
        }
        if (w != null) {
            w.wake();
        }
    }

    /**
     * Takes the lock for {@code me} if it is free (the monitors stay out of the {@code @Coroutine}
     * methods, which ran 3 to 4 times slower with one inside).
     *
     * @throws IllegalStateException if {@code me} holds it already
     */
    private synchronized boolean takeIfFree(Task me) {
        if (owner == me) {
            throw new IllegalStateException(this + ": task " + me.id + " holds it already (a Lock is not re-entrant)");
        }
        return grab(me);
    }

    /** Gives the lock to {@code t} if nobody holds it or waits for it; under the lock. */
    private boolean grab(Task t) {
        if (owner == null && waiters.isEmpty()) {
            owner = t;
            return true;
        }
        return false;
    }

    private synchronized boolean holds(Task me) {
        return owner == me;
    }

    /** @return whether a task holds the lock */
    public synchronized boolean isLocked() {
        return owner != null;
    }

    /** @return the task holding the lock, or null */
    public synchronized Task owner() {
        return owner;
    }

    private static Task caller(String op) {
        Kernel k = Kernel.current();
        Task t = k == null ? null : k.currentTask();
        if (t == null) {
            throw new IllegalStateException("Lock." + op + " is for code running in a task of a Scheduler");
        }
        return t;
    }

    @Override
    public String toString() {
        return "lock '" + name + "'" + (owner != null ? " (held by task " + owner.id + ")" : "");
    }
}
