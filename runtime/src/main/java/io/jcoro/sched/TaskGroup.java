package io.jcoro.sched;

import io.jcoro.core.Co;
import io.jcoro.core.CoRunnable;
import io.jcoro.core.CoSupplier;
import io.jcoro.core.Coroutine;
import io.jcoro.core.GeneratorExit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Structured concurrency: tasks started in a block that ends only when all of them have ended;
 * trio's nursery ({@code async with trio.open_nursery() as nursery}), Java's
 * {@code StructuredTaskScope}.
 *
 * <pre>{@code
 * TaskGroup.run(group -> {                       // inside a task
 *     group.spawn(() -> fetch(a));
 *     group.spawn(() -> fetch(b));
 * });                                            // returns once both have ended
 * }</pre>
 *
 * <ul>
 *   <li>{@link #run(Body)} runs the body in the calling task, then waits for every child, those
 *       the body spawned and those the children spawned into the group.
 *   <li>A child that fails (its body throws anything but {@link Cancelled}) cancels the group:
 *       every other child gets {@link Cancelled} at its suspension point, and so does the body
 *       if it is still running. Once all have ended, {@code run} throws an
 *       {@link ExceptionGroup} of the children's failures (with the body's own exception first,
 *       if it had one). A failed child is not reported by the scheduler's
 *       {@code onFailure}: the parent gets its exception instead.
 *   <li>If the body throws, the children are cancelled, waited for, and the body's exception
 *       comes out of {@code run} unchanged (inside an {@code ExceptionGroup} if children failed
 *       too).
 *   <li>If the parent task is cancelled, or a {@link CancelScope} around the group times out,
 *       the children are cancelled and waited for, and that {@link Cancelled} comes out of
 *       {@code run}. The wait for the children is {@linkplain CancelScope#shield() shielded}:
 *       the block never ends while a child still runs.
 *   <li>If the parent task is killed ({@link Syscalls#killTask}), nothing may suspend: the
 *       children are cancelled and not waited for; each cleans up on its own and ends.
 *   <li>{@link #cancel()} cancels the body and the children; it is not a failure, and
 *       {@code run} then returns normally (trio's {@code nursery.cancel_scope.cancel()}).
 * </ul>
 *
 * <p>Children's {@linkplain Task#isCancelled() cancellations} are not failures. A group is used
 * on its scheduler's thread only: by the body, the children, or system calls.
 */
public final class TaskGroup {
    /** The block of a {@link TaskGroup}: a coroutine that is handed the group to spawn into. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the block, in the task that called {@link TaskGroup#run}.
         *
         * @param group the group, to {@link TaskGroup#spawn} children into
         * @throws Exception anything, which cancels the children and comes out of {@code run}
         */
        @Coroutine
        void run(TaskGroup group) throws Exception;
    }

    private final Task parent;
    /** Cancels the body (in the parent) when the group is cancelled. */
    private final CancelScope scope;
    private final LinkedHashSet<Task> children = new LinkedHashSet<>();
    private final List<Throwable> failures = new ArrayList<>();
    private boolean cancelled;
    private boolean ended;
    /** The parent, while parked waiting for a child to exit. */
    private Task joiner;

    private TaskGroup() {
        this.scope = CancelScope.open();
        this.parent = scope.task;
    }

    /**
     * Runs {@code body} with a new group, then waits until every child of the group has ended.
     * See the class comment for failures and cancellation.
     *
     * @param body the block
     * @throws ExceptionGroup        if children failed
     * @throws Cancelled             if the calling task was cancelled, or a scope around it
     * @throws IllegalStateException outside a task
     */
    @Coroutine
    @SuppressWarnings("try") // the shield scope works by being open, its variable is unused
    public static void run(Body body) {
        Objects.requireNonNull(body, "body");
        TaskGroup g = new TaskGroup();
        Throwable bodyError = null;
        try {
            body.run(g);
        } catch (Throwable e) {
            bodyError = e;
        }
        // Killed in the body (KillTask closes the parent's generator): a kill cannot wait, so the
        // children are cancelled below and left to end on their own kernels, as when the parent
        // is killed while it waits for them.
        boolean killed = bodyError instanceof GeneratorExit;
        Cancelled outside = null; // a cancellation from outside the group, to pass on
        if (bodyError instanceof Cancelled c && c.scope() != g.scope) {
            outside = c;
            bodyError = null;
            g.cancel();
        } else if (bodyError instanceof Cancelled) {
            bodyError = null; // the group's own cancellation: the body stops, nothing failed
        } else if (bodyError != null) {
            g.cancel();
        }
        if (g.parent.scope != g.scope) {
            g.parent.scope = g.scope; // the body left a scope open; it ends with the group
        }
        // Wait for the children: unshielded while nothing is cancelled, so that a cancellation
        // from outside reaches the group; then shielded, as cancelled children still clean up.
        try {
            while (!killed && !g.children.isEmpty() && !g.cancelled) {
                try {
                    g.awaitChild();
                } catch (Cancelled c) {
                    if (c.scope() != g.scope) {
                        outside = c;
                    }
                    g.cancel();
                }
            }
            if (!killed && !g.children.isEmpty()) {
                try (CancelScope shield = CancelScope.shield()) {
                    while (!g.children.isEmpty()) {
                        g.awaitChild();
                    }
                }
            }
        } finally {
            if (!g.children.isEmpty()) {
                g.cancel(); // the parent is being killed (KillTask): the children must not outlive it for long
            }
            g.ended = true;
            g.scope.close();
        }
        if (killed) {
            throw (GeneratorExit) bodyError;
        }
        List<Throwable> all = new ArrayList<>();
        if (bodyError != null) {
            all.add(bodyError);
        }
        all.addAll(g.failures);
        if (outside != null) {
            all.forEach(outside::addSuppressed);
            throw outside;
        }
        if (all.size() == 1 && bodyError != null) {
            throw Syscalls.<RuntimeException>rethrow(bodyError);
        }
        if (!all.isEmpty()) {
            throw new ExceptionGroup("task group of task " + g.parent.id + ": " + g.failures.size()
                    + (g.failures.size() == 1 ? " child failed" : " children failed"), all);
        }
    }

    /** Parks the parent until a child exits. */
    @Coroutine
    private void awaitChild() {
        Co.yield((SystemCall) (k, task) -> {
            if (children.isEmpty()) {
                k.resume(task, null);
            } else {
                joiner = task;
                k.park(task, () -> joiner = null);
            }
        });
    }

    /**
     * Starts a child in the group; trio's {@code nursery.start_soon}. It is queued as
     * {@link Scheduler#spawn} queues a task, and runs at the scheduler's next turn. A child
     * started after the group was cancelled is cancelled at once (it never runs).
     *
     * @param body the child's body
     * @return the child
     * @throws IllegalStateException if the group has ended
     */
    public Task spawn(CoRunnable body) {
        return add(body);
    }

    /**
     * Starts a child whose body returns a value, kept as its {@link Task#result()}.
     *
     * @param body the child's body
     * @return the child
     * @throws IllegalStateException if the group has ended
     */
    public Task spawnReturning(CoSupplier<?> body) {
        return add(body);
    }

    private Task add(Object body) {
        Objects.requireNonNull(body, "body");
        if (ended) {
            throw new IllegalStateException("the task group of task " + parent.id + " has ended; it takes no more children");
        }
        Task child = parent.kernel.spawn(body); // on the parent's kernel, whose thread runs this
        child.group = this;
        children.add(child);
        if (cancelled) {
            parent.kernel.cancel(child);
        }
        return child;
    }

    /**
     * Cancels the group: the body (if it still runs) and every child get {@link Cancelled} at
     * their suspension points. Not a failure: {@link #run} returns normally once all have
     * ended, unless a child failed. Does nothing the second time.
     */
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        scope.cancel();
        for (Task child : List.copyOf(children)) {
            parent.kernel.cancel(child); // on the child's own kernel, if it moved
        }
    }

    /** @return whether the group has been cancelled (by {@link #cancel()}, a failure, or from outside) */
    public boolean isCancelled() {
        return cancelled;
    }

    /** @return the children still running, in the order they were started */
    public List<Task> children() {
        return List.copyOf(children);
    }

    /** @return the task that runs the group's body; the group's state is touched on its kernel's thread */
    Task parent() {
        return parent;
    }

    /** The kernel saw a child exit (the parent's kernel: a child that exits on another is posted here). */
    void childExited(Task child) {
        children.remove(child);
        if (child.state == Task.FAILED) {
            failures.add(child.failure());
            cancel();
        }
        Task j = joiner;
        if (j != null) {
            joiner = null;
            parent.kernel.resume(j, null);
        }
    }

    @Override
    public String toString() {
        return "TaskGroup[task " + parent.id + ", " + children.size() + " children" + (cancelled ? ", cancelled" : "")
                + (ended ? ", ended" : "") + "]";
    }
}
