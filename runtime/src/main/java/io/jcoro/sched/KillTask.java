package io.jcoro.sched;

/**
 * Kills a task and returns whether it existed: {@code boolean killed = Co.yield(new KillTask(tid));}.
 * The victim's {@code finally} blocks run before the caller resumes; see {@link Kernel#kill(int)}.
 * A task may kill itself; it then never resumes.
 *
 * @param tid the victim's id
 */
public record KillTask(int tid) implements SystemCall {
    @Override
    public void handle(Kernel kernel, Task task) {
        boolean existed = kernel.kill(tid);
        kernel.resume(task, existed);
    }
}
