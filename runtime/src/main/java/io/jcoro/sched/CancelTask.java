package io.jcoro.sched;

/**
 * Cancels a task and waits until it has exited: {@code Task t = Co.yield(new CancelTask(tid));}
 * (curio's {@code await task.cancel()}). {@link Cancelled} is thrown in at the victim's
 * suspension point, its {@code finally} blocks run (a shield may hold the cancellation off
 * for a while), and the caller resumes with the finished task, whose state is normally
 * {@link Task.State#CANCELLED}; see {@link Kernel#cancel(Task)}. If there is no such task the
 * call returns null at once. A task that cancels itself resumes, and is cancelled at its next
 * suspension.
 *
 * @param tid the victim's id
 */
public record CancelTask(int tid) implements SystemCall {
    @Override
    public void handle(Kernel kernel, Task task) {
        Task victim = kernel.task(tid);
        if (victim == null) {
            kernel.resume(task, null);
        } else if (victim == task) {
            kernel.resume(task, null); // resumed first, so that the cancellation waits for its next suspension
            kernel.cancel(task);
        } else {
            kernel.cancel(victim);
            if (!kernel.waitForExit(task, tid)) {
                kernel.resume(task, victim); // it never started, and is gone already
            }
        }
    }
}
