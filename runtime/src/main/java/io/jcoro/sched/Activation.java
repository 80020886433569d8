package io.jcoro.sched;

import java.io.PrintStream;
import java.util.Objects;

/**
 * A hook into the scheduler's life: curio's activations. The scheduler calls it, on its own
 * thread, as tasks are created, run, trap into the kernel and end; a tracer, a profiler or a
 * monitor is one of these. Install with {@link Scheduler#addActivation}. Every method does
 * nothing by default; an activation that throws is reported on {@code System.err} and the
 * scheduler goes on. They are called between steps, so they may look at any task
 * ({@link Task#waitingOn()}, {@link Kernel#tasks()}), but must not block.
 *
 * <pre>{@code
 * sched.addActivation(Activation.printing(System.err));   // one line per event
 * }</pre>
 */
public interface Activation {
    /**
     * The activation was installed.
     *
     * @param kernel the scheduler's kernel
     */
    default void activate(Kernel kernel) {
    }

    /**
     * A task was created (it is ready, not started).
     *
     * @param task the new task
     */
    default void created(Task task) {
    }

    /**
     * A task is about to run a step.
     *
     * @param task the task
     */
    default void running(Task task) {
    }

    /**
     * A task has suspended: it yielded {@code yielded}, and if that was a {@link SystemCall} the
     * call has been handled, so {@link Task#waitingOn()} says what the task now waits on (null if
     * the call answered at once).
     *
     * @param task    the task
     * @param yielded the system call, or the plain value it yielded
     */
    default void suspended(Task task, Object yielded) {
    }

    /**
     * A task has ended (returned, failed, been killed or cancelled); see {@link Task#state()}.
     *
     * @param task the task
     */
    default void terminated(Task task) {
    }

    /**
     * A tracer that prints one line per event: {@code [sched] task 3 suspended: receive from
     * channel 'jobs'}.
     *
     * @param out where to print
     * @return the activation
     */
    static Activation printing(PrintStream out) {
        Objects.requireNonNull(out, "out");
        return new Activation() {
            @Override
            public void created(Task task) {
                out.println("[sched] task " + task.id() + " created");
            }

            @Override
            public void running(Task task) {
                out.println("[sched] task " + task.id() + " running");
            }

            @Override
            public void suspended(Task task, Object yielded) {
                out.println("[sched] task " + task.id() + " " + describe(task, yielded));
            }

            @Override
            public void terminated(Task task) {
                out.println("[sched] task " + task.id() + " " + task.state().name().toLowerCase(java.util.Locale.ROOT)
                        + (task.failure() != null ? ": " + task.failure() : ""));
            }
        };
    }

    /**
     * @return a line for a suspension: the trap (a record's own text, or what the task now waits
     *         on when the trap is a lambda), or a plain yield
     */
    private static String describe(Task task, Object yielded) {
        if (!(yielded instanceof SystemCall)) {
            return "yielded";
        }
        String waiting = task.waitingOn();
        String call = yielded.getClass().isSynthetic() || yielded.getClass().isHidden() ? null : yielded.toString();
        if (call == null) {
            return waiting == null ? "trap, answered at once" : "trap, waits: " + waiting;
        }
        return "trap " + call + (waiting == null ? "" : ", waits: " + waiting);
    }
}
