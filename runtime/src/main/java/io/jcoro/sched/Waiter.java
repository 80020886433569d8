package io.jcoro.sched;

/**
 * One task's wait on a {@link Channel}, an {@link Event}, a {@link Semaphore} or a {@link Lock}:
 * a receiver, a sender (with the item it offers), a waiter for a flag or a permit.
 *
 * <ul>
 *   <li>It is the {@code unpark} of {@link Kernel#park}: however the task is woken (completed,
 *       cancelled, timed out, killed), the kernel runs it first and it leaves its queue, so that
 *       nothing is handed later to a task that no longer waits.
 *   <li>It records what the operation was given ({@link #done}, {@link #handed}) when it
 *       completes, so that the operation's {@code @Coroutine} method can undo it if the task
 *       is killed before it runs again (a killed task gets {@code GeneratorExit} at its yield,
 *       and what it was handed would otherwise be lost): a received item goes back to the
 *       channel, a permit is released.
 *   <li>A waiter that is one case of a {@link Select} belongs to a {@link Selection}, which
 *       takes all its cases out at once.
 * </ul>
 */
final class Waiter implements Runnable {
    /** What the wait is, for introspection: {@code "receive from"} and the channel. */
    final String op;
    final Object on;
    /** For a sender: the item it offers. */
    final Object item;
    /** The select this waiter is a case of, or null. */
    final Selection selection;
    /** Its case's position in the select. */
    final int index;
    Kernel kernel;
    Task task;
    /** The operation completed: {@link #handed} is what the task's yield returns. */
    boolean done;
    Object handed;
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

    /** Parks the task in {@code q}, until an operation {@linkplain #complete completes} it. */
    void park(WaitQueue q) {
        q.add(this);
        kernel.park(task, this);
    }

    /** Wakes the task with {@code value} (or, for a select, with the result of this case). */
    void complete(Object value, boolean end) {
        Object v = selection == null ? value : selection.result(index, value, end);
        if (selection != null) {
            selection.completed(this, value);
        }
        done = true;
        handed = value;
        kernel.resume(task, v);
    }

    /** The kernel's unpark: leave the queue (all the queues, for a select). */
    @Override
    public void run() {
        if (selection != null) {
            selection.leaveAll();
        } else if (queue != null) {
            queue.remove(this);
        }
    }

    @Override
    public String toString() {
        return selection != null ? selection.toString() : op + " " + on;
    }
}
