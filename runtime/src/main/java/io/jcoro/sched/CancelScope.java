package io.jcoro.sched;

import java.time.Duration;

/**
 * A region of a task's code that can be cancelled as a whole, or that has a deadline: trio's
 * {@code CancelScope}, with {@code fail_after} and {@code shield} as factories, and curio's
 * {@code timeout_after}. A scope is opened by one of the static factories, in the running task,
 * and closed by {@link #close()}, normally by {@code try}-with-resources:
 *
 * <pre>{@code
 * try (CancelScope deadline = CancelScope.failAfter(Duration.ofSeconds(5))) {
 *     Connection c = listener.accept();      // every suspending call in here, at any depth,
 *     request = c.recv(65536);               // throws TaskTimeout once the 5 s have passed
 * }
 * }</pre>
 *
 * <p>While a scope is open, each time the task suspends (any system call, any plain yield, and so
 * any {@code accept}, {@code recv}, {@code sendAll}, read or write wait, wait for a task, or
 * sleep) the kernel checks the open scopes from the innermost out: if one has been
 * {@linkplain #cancel() cancelled}, {@link Cancelled} is thrown in at that suspension point; if
 * its deadline has passed, {@link TaskTimeout}. A task already suspended when that happens is
 * woken at once with the exception. Either way the stack unwinds through the task's own
 * {@code finally} blocks, and the exception names this scope ({@link Cancelled#scope()}). A
 * cancelled scope stays cancelled: every later suspension inside it throws again, so clean-up
 * that must suspend goes in a {@link #shield()}.
 *
 * <p>A shielded scope stops the walk: cancellations and deadlines of the scopes around it, and the
 * cancellation of the task itself, wait until it closes (they are delivered at the next
 * suspension after that). Its own deadline, if it is given one by nesting a {@link #failAfter},
 * still applies.
 *
 * <p>Closing does not catch anything, since {@code try}-with-resources cannot; to carry on after
 * a deadline, as trio's {@code move_on_after} or curio's {@code ignore_after}, use
 * {@link Syscalls#moveOnAfter}, or catch the exception and compare {@link Cancelled#scope()}
 * with your scope. Scopes belong to the task that opened them and close innermost first.
 * {@link #cancel()} may be called by any task of the same scheduler (or a system call); the other
 * methods are for the owner.
 */
public final class CancelScope implements AutoCloseable {
    final Task task;
    /** The scope around this one in the same task, or null. */
    final CancelScope outer;
    final boolean shield;
    final boolean hasDeadline;
    /** When the scope times out, in {@link System#nanoTime()} terms; valid if {@link #hasDeadline}. */
    final long deadline;
    boolean cancelCalled;
    private boolean closed;

    private CancelScope(boolean shield, boolean hasDeadline, long deadline, String opener) {
        Kernel k = Kernel.current();
        Task t = k == null ? null : k.currentTask();
        if (t == null) {
            throw new IllegalStateException("CancelScope." + opener + " is for code running in a task of a Scheduler");
        }
        this.task = t;
        this.outer = t.scope;
        this.shield = shield;
        this.hasDeadline = hasDeadline;
        this.deadline = deadline;
        t.scope = this;
    }

    /**
     * Opens a scope with no deadline that another task can {@link #cancel()}, as trio's
     * {@code with CancelScope() as scope}.
     *
     * @return the open scope, to close (with {@code try}-with-resources)
     * @throws IllegalStateException outside a task
     */
    public static CancelScope open() {
        return new CancelScope(false, false, 0, "open()");
    }

    /**
     * Opens a scope whose deadline is {@code timeout} from now: once it passes, the task's
     * suspending calls inside the scope throw {@link TaskTimeout}; trio's {@code fail_after},
     * curio's {@code timeout_after}.
     *
     * @param timeout how long the code in the scope may take; zero or less times out at the
     *                first suspension
     * @return the open scope
     * @throws IllegalStateException outside a task
     */
    public static CancelScope failAfter(Duration timeout) {
        return new CancelScope(false, true, System.nanoTime() + Kernel.nanos(timeout), "failAfter()");
    }

    /**
     * Opens a scope with an absolute deadline, as trio's {@code fail_at}; see {@link #failAfter}.
     *
     * @param deadlineNanos the deadline, in {@link System#nanoTime()} terms
     * @return the open scope
     * @throws IllegalStateException outside a task
     */
    public static CancelScope failAt(long deadlineNanos) {
        return new CancelScope(false, true, deadlineNanos, "failAt()");
    }

    /**
     * Opens a shielded scope: code inside it is not cancelled by the scopes around it nor by the
     * cancellation of its task, which wait until it closes; trio's {@code CancelScope(shield=True)},
     * curio's {@code disable_cancellation}. For clean-up that must suspend, for instance to
     * send a goodbye or to wait for a child to finish, after a cancellation. Keep it short: a
     * shielded task cannot be stopped except by {@link KillTask}.
     *
     * @return the open scope
     * @throws IllegalStateException outside a task
     */
    public static CancelScope shield() {
        return new CancelScope(true, false, 0, "shield()");
    }

    /**
     * Cancels the scope: the owner's next suspension inside it (or the one it is in now) throws
     * {@link Cancelled}, unless a shield inside the scope holds it off. Does nothing once the
     * scope is closed, or the second time.
     *
     * @throws IllegalStateException if called from another thread than the scheduler's
     */
    public void cancel() {
        if (closed || cancelCalled) {
            return;
        }
        cancelCalled = true;
        task.kernel.deliverCancellation(task); // through the inbox of the task's kernel, if that is another
    }

    /** @return whether {@link #cancel()} was called or the deadline has passed */
    public boolean isCancelled() {
        return cancelCalled || hasDeadline && deadline - System.nanoTime() <= 0;
    }

    /** @return whether the deadline has passed (false for a scope without one) */
    public boolean isExpired() {
        return hasDeadline && deadline - System.nanoTime() <= 0;
    }

    /** @return whether this scope is a {@link #shield()} */
    public boolean isShielded() {
        return shield;
    }

    /** @return the deadline in {@link System#nanoTime()} terms, or {@link Long#MAX_VALUE} if it has none */
    public long deadline() {
        return hasDeadline ? deadline : Long.MAX_VALUE;
    }

    /**
     * Leaves the scope. A cancellation it held off (a shield) is delivered at the task's next
     * suspension. Does nothing the second time.
     *
     * @throws IllegalStateException if a scope opened inside this one is still open (scopes
     *                               close innermost first), or if called from another task
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (task.scope != this) {
            throw new IllegalStateException("CancelScope.close(): " + (task.scope == null || task.isDone()
                    ? "task " + task.id + " has left it already" : "a scope opened inside it is still open"
                    + " (close scopes innermost first)"));
        }
        Kernel here = Kernel.current();
        if (here == null || here.currentTask() != task) {
            throw new IllegalStateException("CancelScope.close(): the scope belongs to task " + task.id);
        }
        closed = true;
        task.scope = outer;
    }

    /**
     * What to throw in at {@code task}'s suspension now: walks its open scopes from the innermost
     * out, stopping after a shield; then the task's own cancellation.
     *
     * @return the exception, or null if nothing is cancelled for it
     */
    static Cancelled pendingFor(Task task, long now) {
        for (CancelScope s = task.scope; s != null; s = s.outer) {
            Cancelled c = s.pending(now);
            if (c != null) {
                return c;
            }
            if (s.shield) {
                return null;
            }
        }
        return task.cancelRequested ? new Cancelled(null, "task " + task.id + " was cancelled") : null;
    }

    /**
     * @return the scope whose deadline comes first among those that can interrupt {@code task}
     *         now (up to the innermost shield), or null if none has a deadline
     */
    static CancelScope earliestDeadline(Task task) {
        CancelScope first = null;
        for (CancelScope s = task.scope; s != null; s = s.outer) {
            if (s.hasDeadline && (first == null || s.deadline - first.deadline < 0)) {
                first = s;
            }
            if (s.shield) {
                break;
            }
        }
        return first;
    }

    /** @return the exception to throw in if this scope is cancelled or expired at {@code now}, else null */
    Cancelled pending(long now) {
        if (cancelCalled) {
            return new Cancelled(this, "task " + task.id + ": its cancel scope was cancelled");
        }
        if (hasDeadline && deadline - now <= 0) {
            return new TaskTimeout(this, "task " + task.id + ": deadline passed "
                    + (now - deadline) / 1_000_000 + " ms ago");
        }
        return null;
    }

    @Override
    public String toString() {
        return "CancelScope[task " + task.id + (shield ? ", shielded" : "")
                + (hasDeadline ? ", deadline in " + (deadline - System.nanoTime()) / 1_000_000 + " ms" : "")
                + (cancelCalled ? ", cancelled" : "") + (closed ? ", closed" : "") + "]";
    }
}
