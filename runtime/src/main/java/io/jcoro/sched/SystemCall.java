package io.jcoro.sched;

/**
 * A request a task makes of the kernel by yielding it: a trap. The scheduler calls
 * {@link #handle} with the kernel and the calling task, which is suspended at its
 * {@code Co.yield}; what the call passes to {@link Kernel#resume} is what that yield returns.
 *
 * <h2>Adding a system call</h2>
 * Implement this interface; the built-in calls ({@link GetTid}, {@link NewTask},
 * {@link KillTask}, {@link CancelTask}, {@link WaitTask}, {@link ReadWait}, {@link WriteWait},
 * {@link Sleep}) are written exactly this way. {@code handle} must either resume the task now or arrange for it
 * to be resumed later (park it in the kernel, or keep it in a structure of your own that
 * something else resumes), and must not block. An exception thrown by {@code handle} is raised
 * in the task at its yield. A call that returns the current time:
 *
 * <pre>{@code
 * record Now() implements SystemCall {
 *     public void handle(Kernel kernel, Task task) {
 *         kernel.resume(task, kernel.now());
 *     }
 * }
 *
 * long t = Co.yield(new Now());      // inside a task, at any depth of @Coroutine calls
 * }</pre>
 *
 * A call that parks tasks, say a mailbox, keeps the waiting {@link Task}, parks it with
 * {@code kernel.park(task, () -> waiting.remove(task))} (so that a cancellation or a deadline
 * that wakes it first takes it out of the mailbox), and later, from another task's call,
 * resumes it with {@code kernel.resume(waiter, message)}. A task may be cancelled, or time out,
 * at any system call that parks it. Wrap a call in a
 * {@code @Coroutine} method, as {@link Syscalls} does, and tasks call it like any function.
 */
@FunctionalInterface
public interface SystemCall {
    /**
     * Carries out the call, on the scheduler's thread.
     *
     * @param kernel the scheduler's services
     * @param task   the calling task, suspended at its yield (state {@link Task.State#WAITING})
     */
    void handle(Kernel kernel, Task task);
}
