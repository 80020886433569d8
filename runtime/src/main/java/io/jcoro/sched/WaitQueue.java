package io.jcoro.sched;

import java.util.List;

/**
 * The tasks parked on one side of a channel, an {@link Event} or a {@link Semaphore}, first in
 * first out: an intrusive doubly linked list of {@link Waiter}s, so that a waiter cancelled or
 * timed out in the middle of the queue leaves it in O(1). Used under the lock of the primitive
 * that holds it (its monitor), which a waiter's unpark takes too.
 *
 * <p>A waiter whose task has been woken otherwise (its wake-up {@linkplain Task#claim() claimed}
 * by another case of its select, a deadline, a cancellation) may still be in the queue until its
 * unpark runs on the task's kernel; {@link #pollCompleted} and {@link #isEmpty} skip and drop it.
 */
final class WaitQueue {
    private Waiter head;
    private Waiter tail;
    private int size;

    /** @return whether no waiter that can still be completed is queued (dropping dead ones at the head) */
    boolean isEmpty() {
        for (Waiter w; (w = head) != null; remove(w)) {
            if (w.canComplete()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes out the first waiter that can still be completed and completes it with {@code value}
     * (its task's wake-up claimed and the hand-over recorded, in one step); the caller wakes it
     * with {@link Waiter#wake()} once it has released the primitive's lock.
     *
     * @return that waiter, or null if none
     */
    Waiter pollCompleted(Object value, boolean end) {
        for (Waiter w; (w = head) != null; ) {
            remove(w);
            if (w.tryComplete(value, end)) {
                return w;
            }
        }
        return null;
    }

    /**
     * {@link #pollCompleted} for every waiter that can still be completed (a close, an event
     * set): adds them to {@code woken}, which the caller wakes once it has released the lock.
     */
    void pollAllCompleted(Object value, boolean end, List<Waiter> woken) {
        for (Waiter w; (w = pollCompleted(value, end)) != null; ) {
            woken.add(w);
        }
    }

    int size() {
        return size;
    }

    void add(Waiter w) {
        w.queue = this;
        w.prev = tail;
        w.next = null;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
        size++;
    }

    /** @return the first waiter, taken out of the queue, or null */
    Waiter poll() {
        Waiter w = head;
        if (w != null) {
            remove(w);
        }
        return w;
    }

    /** @return the first waiter, left in the queue, or null */
    Waiter peek() {
        return head;
    }

    /** Takes {@code w} out if it is in this queue; does nothing otherwise. */
    void remove(Waiter w) {
        if (w.queue != this) {
            return;
        }
        if (w.prev == null) {
            head = w.next;
        } else {
            w.prev.next = w.next;
        }
        if (w.next == null) {
            tail = w.prev;
        } else {
            w.next.prev = w.prev;
        }
        w.prev = null;
        w.next = null;
        w.queue = null;
        size--;
    }
}
