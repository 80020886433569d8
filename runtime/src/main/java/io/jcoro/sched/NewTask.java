package io.jcoro.sched;

import io.jcoro.core.CoRunnable;
import io.jcoro.core.CoSupplier;
import io.jcoro.core.Generator;
import java.util.Objects;

/**
 * Starts a new task and returns its id: {@code int child = Co.yield(new NewTask(() -> foo()));}.
 * The child is queued before the caller resumes, so it runs first.
 */
public final class NewTask implements SystemCall {
    private final Object body;

    /** @param body the child's body */
    public NewTask(CoRunnable body) {
        this.body = Objects.requireNonNull(body, "body");
    }

    /** @param body the child's body; its return value becomes the child's result */
    public NewTask(CoSupplier<?> body) {
        this.body = Objects.requireNonNull(body, "body");
    }

    /** @param body a generator that has not started, run as the child (the course's {@code NewTask(foo())}) */
    public NewTask(Generator<?> body) {
        this.body = Objects.requireNonNull(body, "body");
    }

    @Override
    public void handle(Kernel kernel, Task task) {
        Task child = kernel.spawn(body);
        kernel.resume(task, child.id());
    }

    @Override
    public String toString() {
        return "NewTask[" + body + "]";
    }
}
