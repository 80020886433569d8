package io.jcoro.sched;

/**
 * Raised at a task's suspension point when the task, or a {@link CancelScope} it runs in, is
 * cancelled: trio's {@code Cancelled}, curio's {@code CancelledError}. It is a distinct type so
 * that code can tell a cancellation from a failure, and an {@link Error}, as
 * {@link io.jcoro.core.GeneratorExit} is, so that an ordinary {@code catch (Exception e)} around a
 * suspending call does not swallow it: {@code finally} blocks run, and the exception travels up to
 * the scope or task that was cancelled.
 *
 * <p>A task whose body ends with a {@code Cancelled} (other than a {@link TaskTimeout}) has the
 * state {@link Task.State#CANCELLED}; it is not reported as a failure. Code that must suspend
 * while cleaning up after a cancellation does so inside {@link CancelScope#shield()}.
 */
public class Cancelled extends Error {
    private static final long serialVersionUID = 1L;

    /** The scope that was cancelled; null when the task itself was. */
    private final transient CancelScope scope;

    /**
     * @param scope   the scope that was cancelled, or null if the task itself was
     * @param message what was cancelled, and why
     */
    public Cancelled(CancelScope scope, String message) {
        super(message, null, false, false);
        this.scope = scope;
    }

    /**
     * @return the {@link CancelScope} whose cancellation this is (compare it with your own scope
     *         to know whether it is yours to handle), or null if the task itself was cancelled
     *         ({@link Kernel#cancel(Task)}, {@link CancelTask}, or its {@link TaskGroup})
     */
    public CancelScope scope() {
        return scope;
    }
}
