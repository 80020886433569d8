package io.jcoro.sched;

/**
 * Waits until a task exits and returns it, finished, with its result or failure:
 * {@code Task child = Co.yield(new WaitTask(tid));}. If there is no such task (it never
 * existed, or has already exited) the call returns null at once, as the course's returns
 * {@code False}; keep the {@link Task} from {@link Scheduler#spawn} to read the outcome of a
 * task that may already be gone.
 *
 * @param tid the task to wait for
 */
public record WaitTask(int tid) implements SystemCall {
    @Override
    public void handle(Kernel kernel, Task task) {
        if (!kernel.waitForExit(task, tid)) {
            kernel.resume(task, null);
        }
    }
}
