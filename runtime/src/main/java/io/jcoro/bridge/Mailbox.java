package io.jcoro.bridge;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between a {@link Threaded} stage's senders and its worker. Unlike a
 * {@code BlockingQueue} it can be shut: when the worker fails, senders waiting for room wake up
 * and are told, instead of waiting for a reader that is gone.
 */
final class Mailbox {
    private final Object[] items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private int head;
    private int count;
    private boolean shut;

    Mailbox(int capacity) {
        items = new Object[capacity];
    }

    /**
     * Waits for room, then adds the item.
     *
     * @return false if the mailbox was shut (the item was not added)
     */
    boolean put(Object item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == items.length && !shut) {
                notFull.await();
            }
            if (shut) {
                return false;
            }
            items[(head + count) % items.length] = item;
            count++;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for an item and removes it. */
    Object take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                notEmpty.await();
            }
            Object item = items[head];
            items[head] = null;
            head = (head + 1) % items.length;
            count--;
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is queued and refuses everything from now on; wakes every waiting sender. */
    void shut() {
        lock.lock();
        try {
            shut = true;
            java.util.Arrays.fill(items, null);
            count = 0;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return how many items wait */
    int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
