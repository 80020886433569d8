package io.jcoro.sched;

import io.jcoro.core.CoRunnable;
import io.jcoro.core.CoSupplier;
import io.jcoro.core.Generator;
import java.util.Objects;

/**
 * Starts a new task and returns its id: {@code int child = Co.yield(new NewTask(() -> foo()));}.
 * The child is queued before the caller resumes, so it runs first. ({@link Syscalls#spawn}
 * returns the child's {@link Task} instead, whose outcome stays readable after it exits.)
 */
public final class NewTask implements SystemCall {
    private final Object body;
    /** Resume the caller with the child's {@link Task} rather than its id ({@link Syscalls#spawn}). */
    private final boolean givesTask;

    /** @param body the child's body */
    public NewTask(CoRunnable body) {
        this(body, false);
    }

    private NewTask(Object body, boolean givesTask) {
        this.body = Objects.requireNonNull(body, "body");
        this.givesTask = givesTask;
    }

    /**
     * A child whose body returns a value, kept as its {@link Task#result()}: a factory of its own
     * name rather than a constructor overload, for the reason {@link Generator#returning} gives.
     *
     * @param body the child's body
     * @return the call
     */
    public static NewTask returning(CoSupplier<?> body) {
        return new NewTask(body, false);
    }

    /** @param body a generator that has not started, run as the child (the course's {@code NewTask(foo())}) */
    public NewTask(Generator<?> body) {
        this(body, false);
    }

    /** The call {@link Syscalls#spawn} makes: the caller gets the child's {@link Task}. */
    static NewTask givingTask(Object body) {
        return new NewTask(body, true);
    }

    @Override
    public void handle(Kernel kernel, Task task) {
        Task child = kernel.spawn(body);
        kernel.resume(task, givesTask ? child : (Object) child.id());
    }

    @Override
    public String toString() {
        return "NewTask[" + body + "]";
    }
}
