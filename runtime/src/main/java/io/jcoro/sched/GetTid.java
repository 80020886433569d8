package io.jcoro.sched;

/**
 * Returns the calling task's id: {@code int tid = Co.yield(new GetTid());}.
 */
public record GetTid() implements SystemCall {
    @Override
    public void handle(Kernel kernel, Task task) {
        kernel.resume(task, task.id());
    }
}
