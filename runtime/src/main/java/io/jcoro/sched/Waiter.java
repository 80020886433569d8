package io.jcoro.sched;

import java.util.List;

/**
 * One task's wait on a {@link Channel}, an {@link Event}, a {@link Semaphore} or a {@link Lock}:
 * a receiver, a sender (with the item it offers), a waiter for a flag or a permit.
 *
 * <ul>
 *   <li>It is the {@code unpark} of {@link Kernel#park}: however the task is woken (completed,
 *       cancelled, timed out, killed), the kernel runs it first and it leaves its queue, so that
 *       nothing is handed later to a task that no longer waits.
 *   <li>An operation completes it with {@link #tryComplete}, under the primitive's lock: that
 *       claims the task's wake-up (a deadline or another case of a select may have claimed it
 *       first, on another kernel's thread; then the waiter is skipped) and records what the
 *       operation handed over ({@link #done}, {@link #handed}), so that the operation's
 *       {@code @Coroutine} method can undo it if the task is killed before it runs again (a
 *       killed task gets {@code GeneratorExit} at its yield, and what it was handed would
 *       otherwise be lost): a received item goes back to the channel, a permit is released. The
 *       undo reads those fields under the same lock. {@link #wake()} then wakes the task, after
 *       the lock is released, since waking may run the unpark of a select, which takes other
 *       channels' locks.
 *   <li>A waiter that is one case of a {@link Select} belongs to a {@link Selection}, which
 *       takes all its cases out at once.
 * </ul>
 */
final class Waiter implements Runnable {
    /** What the wait is, for introspection: {@code "receive from"} and the channel. */
    final String op;
    /** The primitive waited on; its monitor guards the queue. */
    final Object on;
    /** For a sender: the item it offers. */
    final Object item;
    /** The select this waiter is a case of, or null. */
    final Selection selection;
    /** Its case's position in the select. */
    final int index;
    Kernel kernel;
    Task task;
    /**
     * The operation completed: {@link #handed} is what it was given (read under the primitive's
     * lock; a select reads {@link Task#claimedCase()} instead).
     */
    boolean done;
    Object handed;
    /** What the task's yield returns. */
    private Object result;
    WaitQueue queue;
    Waiter prev;
    Waiter next;

    Waiter(String op, Object on, Object item, Selection selection, int index) {
        this.op = op;
        this.on = on;
        this.item = item;
        this.selection = selection;
        this.index = index;
    }

    /** Binds the waiter to the task in its system call's {@code handle}. */
    Waiter bind(Kernel k, Task t) {
        kernel = k;
        task = t;
        return this;
    }

    /** Parks the task in {@code q} (under the primitive's lock), until an operation completes it. */
    void park(WaitQueue q) {
        q.add(this);
        kernel.park(task, this);
    }

    /** @return whether the task still waits here, unclaimed */
    boolean canComplete() {
        return task.isClaimable(); // a queued waiter's task parked before it was queued
    }

    /**
     * Completes the wait with {@code value} (or, for a select, with the result of this case), if
     * the task's wake-up is still to be claimed; under the primitive's lock.
     *
     * @return false if the task has been woken otherwise: the operation must look further
     */
    boolean tryComplete(Object value, boolean end) {
        handed = value;
        result = selection == null ? value : selection.result(index, value, end);
        // A select's clean-up finds the case that won from the claim itself: written before it.
        if (!(selection == null ? task.claim() : task.claimAsCase(index))) {
            return false;
        }
        done = true;
        return true;
    }

    /** Wakes the task completed by {@link #tryComplete}; outside the primitive's lock. */
    void wake() {
        Kernel.wakeClaimed(task, result, false);
    }

    /** {@link #wake()} for each waiter of a {@link WaitQueue#pollAllCompleted}. */
    static void wakeAll(List<Waiter> woken) {
        for (Waiter w : woken) {
            w.wake();
        }
    }

    /** The kernel's unpark: leave the queue (all the queues, for a select). */
    @Override
    public void run() {
        if (selection != null) {
            selection.run();
        } else {
            synchronized (on) {
                if (queue != null) {
                    queue.remove(this);
                }
            }
        }
    }

    @Override
    public String toString() {
        return selection != null ? selection.toString() : op + " " + on;
    }
}
