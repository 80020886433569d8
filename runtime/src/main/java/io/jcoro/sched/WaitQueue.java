package io.jcoro.sched;

/**
 * The tasks parked on one side of a channel, an {@link Event} or a {@link Semaphore}, first in
 * first out: an intrusive doubly linked list of {@link Waiter}s, so that a waiter cancelled or
 * timed out in the middle of the queue leaves it in O(1). Used on the scheduler's thread only.
 */
final class WaitQueue {
    private Waiter head;
    private Waiter tail;
    private int size;

    boolean isEmpty() {
        return head == null;
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
