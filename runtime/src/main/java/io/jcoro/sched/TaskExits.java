package io.jcoro.sched;

import java.util.function.Consumer;

/**
 * How a task leaves what holds it, for one {@link Kernel}: a wait, when it is woken
 * ({@link #unlink}), or the scheduler, when it ends ({@link #exit}) or is killed ({@link #kill}).
 * Ending, it is forgotten, reported to the listeners, and its waiters and its group are woken.
 * The kernel's public services ({@link Kernel#kill(int)}, {@link Kernel#resume}) come through
 * here; so does the loop ({@link KernelLoop}), when a step ends a task.
 */
final class TaskExits {
    private final Kernel k;
    /** {@link Scheduler#onExit}: told of every task that exits, or null. */
    Consumer<Task> onExit;
    /** {@link Scheduler#onFailure}: told of every task that fails outside a group, or null. */
    Consumer<Task> onFailure = TaskExits::reportFailure;

    TaskExits(Kernel kernel) {
        this.k = kernel;
    }

    /** Takes a waiting task out of whatever it waits on (see {@link Task#value}). */
    void unlink(Task t) {
        if (t.state != Task.WAITING) {
            return;
        }
        if (t.heapIndex >= 0) {
            k.timers.remove(t);
        }
        Object on = t.value;
        if (on != null) {
            t.value = null;
            if (on instanceof Task target) {
                ExitWaiters.remove(target, t);
            } else if (on instanceof IoPoller.Waiters w) {
                k.io.cancel(w, t);
            } else {
                ((Runnable) on).run(); // park()'s unpark
            }
        }
    }

    /** {@link Kernel#kill(int)} once the victim is found; from any thread, as {@link Kernel#onOwner} hands it on. */
    void kill(Task victim) {
        if (victim.isDone()) {
            return;
        }
        if (!victim.kernel.isHere()) {
            Kernel.onOwner(victim, () -> victim.kernel.exits.kill(victim)); // it runs or waits on another kernel's thread
            return;
        }
        victim.claim(); // a wake-up claimed elsewhere stays claimed; one still to come is refused
        if (victim.state == Task.RUNNING) {
            throw new IllegalStateException("task " + victim.id + " is running and cannot be killed from inside;"
                    + " yield a KillTask for it instead");
        }
        unlink(victim);
        victim.state = Task.RUNNING;
        victim.killing = true;
        victim.raising = false;
        victim.value = null;
        Task saved = k.stepping;
        k.stepping = victim; // its finally blocks run as that task (they may open a CancelScope)
        try {
            victim.generator.close();
        } catch (Throwable e) {
            victim.outcome = e;
            victim.state = Task.FAILED;
        } finally {
            k.stepping = saved;
        }
        if (victim.state != Task.FAILED) {
            victim.state = Task.KILLED;
            victim.outcome = null;
        }
        exit(victim);
    }

    /**
     * Forgets a finished task, reports it, and wakes its waiters and its group. A failure of a
     * group's child is not reported here: the group raises it in the parent.
     */
    void exit(Task t) {
        k.tasks.remove(t);
        if (k.group != null && k.tasks.size() == 0) {
            k.group.wakeAll(); // the last task of all: every kernel's loop ends
        }
        t.generator = null;
        t.value = null;
        t.scope = null;
        if (t.state == Task.FAILED && onFailure != null && t.group == null) {
            notify(onFailure, t, "onFailure");
        }
        if (onExit != null) {
            notify(onExit, t, "onExit");
        }
        if (k.activation != null) {
            k.activation.terminated(t);
        }
        if (t.group != null) {
            TaskGroup g = t.group;
            Kernel.onOwner(g.parent(), () -> g.childExited(t)); // the group is its parent's: it may run on another kernel
        }
        ExitWaiters.wakeAll(t);
    }

    /** A listener that throws is reported, and the scheduler goes on. */
    private static void notify(Consumer<Task> listener, Task t, String which) {
        try {
            listener.accept(t);
        } catch (RuntimeException e) {
            System.err.print("Scheduler " + which + " listener failed for task " + t.id + ": ");
            e.printStackTrace(System.err);
        }
    }

    private static void reportFailure(Task t) {
        System.err.print("Task " + t.id + " failed: ");
        t.failure().printStackTrace(System.err);
    }
}
