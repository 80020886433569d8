package io.jcoro.sched;

/**
 * Raised at a task's suspension point when the deadline of a {@link CancelScope} it runs in has
 * passed: curio's {@code TaskTimeout}, trio's {@code TooSlowError} from {@code fail_after}. It is
 * a kind of {@link Cancelled} (the scope's work is abandoned, {@code finally} blocks run), but a
 * timeout that escapes a task's body is a failure of that task ({@link Task.State#FAILED},
 * reported), not a cancellation: nobody asked for the task to stop.
 *
 * <pre>{@code
 * try (CancelScope deadline = CancelScope.failAfter(Duration.ofSeconds(5))) {
 *     reply = connection.recv(65536);        // and any other suspending call
 * } catch (TaskTimeout e) {
 *     connection.sendAll(BUSY);
 * }
 * }</pre>
 */
public class TaskTimeout extends Cancelled {
    private static final long serialVersionUID = 1L;

    /**
     * @param scope   the scope whose deadline passed
     * @param message which deadline
     */
    public TaskTimeout(CancelScope scope, String message) {
        super(scope, message);
    }
}
