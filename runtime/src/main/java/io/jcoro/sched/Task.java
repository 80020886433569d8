package io.jcoro.sched;

import io.jcoro.core.Co;
import io.jcoro.core.CoRunnable;
import io.jcoro.core.CoSupplier;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorExit;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A task: a coroutine run by a {@link Scheduler}, with an id; the course's {@code Task}.
 *
 * <p>A task is created by {@link Scheduler#spawn} or the {@link NewTask} system call and runs
 * until its body returns, throws, is killed, or is cancelled ({@link Kernel#cancel(Task)}). Outside the kernel it is a read-only handle:
 * its id, its state, and once it has exited its result or failure ({@link WaitTask} hands the
 * exited task to its waiters). A handle stays valid after the task has exited; the scheduler
 * itself forgets the task at exit, so a finished task costs nothing unless someone keeps it.
 *
 * <p>The object is also the task's entry in every kernel structure (ready queue, timer heap,
 * I/O wait slot, exit-wait list), so that a waiting task costs one object and no wrappers:
 * a sleeping task is this object, its {@link Generator} and its saved frames.
 */
public final class Task {
    /** Where a task is in its life. */
    public enum State {
        /** In the ready queue: it runs at the scheduler's next turn. */
        READY,
        /** Running now: its body executes on the scheduler's thread. */
        RUNNING,
        /** Suspended in a system call: waiting for I/O, a timer, another task, or a custom wake-up. */
        WAITING,
        /** Exited by returning; {@link #result()} holds the return value. */
        RETURNED,
        /** Exited by throwing; {@link #failure()} holds the exception. */
        FAILED,
        /** Exited because it was killed ({@link KillTask}) or the scheduler stopped. */
        KILLED,
        /**
         * Exited because it was cancelled ({@link Kernel#cancel(Task)}, {@link CancelTask}, its
         * {@link TaskGroup}): its body ended with {@link Cancelled}, or it never started.
         */
        CANCELLED
    }

    /** Yielded by {@link #run()} as its last act: the task has exited (cheaper than StopIteration). */
    static final Object EXITED = new Object();

    /**
     * The body of every task's generator, one object for all of them: a static method, which
     * asks the kernel which task it starts, so that a task needs no lambda of its own.
     */
    private static final CoSupplier<Object> RUN = Task::run;

    // The life cycle as bytes, so that the per-task fields stay small; State is the public view.
    static final byte READY = 0;
    static final byte RUNNING = 1;
    static final byte WAITING = 2;
    static final byte RETURNED = 3;
    static final byte FAILED = 4;
    static final byte KILLED = 5;
    static final byte CANCELLED = 6;
    private static final State[] STATES = State.values();

    /** The token of {@link #claim()}: 1 while the task waits and nobody has claimed its wake-up. */
    private static final VarHandle PARKED;

    static {
        try {
            PARKED = MethodHandles.lookup().findVarHandle(Task.class, "parked", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int id;
    /**
     * The kernel that owns the task: only its thread steps the task and touches its fields and
     * its waits. Changes only while the task is {@link #READY} (a kernel hands it to another,
     * through that kernel's inbox); see {@link Kernel#onOwner}.
     */
    volatile Kernel kernel;
    /** See {@link #claim()}; accessed through {@link #PARKED}. */
    @SuppressWarnings("unused")
    private int parked;
    byte state = READY;
    /** {@link #value} is a Throwable to raise at the task's suspension point. */
    boolean raising;
    /** The kernel is closing the generator: the body must end by returning, not yielding. */
    boolean killing;
    /** The task has been cancelled: its next suspension outside a shield throws {@link Cancelled}. */
    boolean cancelRequested;
    /** The innermost {@link CancelScope} open in the task, or null. */
    CancelScope scope;
    /** The {@link TaskGroup} the task is a child of, or null. */
    TaskGroup group;
    /** Null once the task has exited. */
    Generator<Object> generator;
    /**
     * While {@link #WAITING}: what the task waits on, for unlinking (an {@link IoPoller.Waiters},
     * the {@link Task} it waits for, or null). Otherwise: what the next resume sends in (or
     * raises, if {@link #raising}). One field for both, as a task never needs both at once.
     */
    Object value;
    /** The body until the task starts; the return value or the exception once it has exited. */
    Object outcome;
    /** Tasks waiting for this one to exit: null, a Task, or a {@code java.util.ArrayList<Task>} (see {@link ExitWaiters}). */
    Object waiters;
    /** When a sleeping task wakes, in {@link System#nanoTime()} terms; valid while {@link #heapIndex} >= 0. */
    long deadline;
    /** Position in the timer heap, or -1. */
    int heapIndex = -1;

    Task(int id, Object body) {
        this.id = id;
        this.outcome = body;
        this.generator = Generator.returning(RUN);
    }

    /** Opens the task's wake-up token as it parks, on its kernel's thread, before anything can see the wait. */
    void open() {
        PARKED.setRelease(this, 1);
    }

    /**
     * Claims the wake-up of a waiting task: of everything that may wake it (a channel operation
     * on another kernel, its own timer, a cancellation), exactly one wins, whichever thread it
     * runs on; the others leave it alone. A waker on another kernel claims only while it holds
     * the lock of the structure it found the task in (a channel's queue, a task's exit waiters),
     * which the task's unpark also takes, so that a claim never reaches a later wait.
     *
     * @return whether this caller won
     */
    boolean claim() {
        return PARKED.compareAndSet(this, 1, 0);
    }

    /**
     * Claims the wake-up as case {@code index} of a select, so that the task's clean-up, if it is
     * killed before it runs, can tell which case was handed something ({@link #claimedCase()}).
     */
    boolean claimAsCase(int index) {
        return PARKED.compareAndSet(this, 1, 2 + index);
    }

    /** @return the select case that claimed the wake-up, or -1; valid until the task parks again */
    int claimedCase() {
        return (int) PARKED.getAcquire(this) - 2;
    }

    /** Gives back a claim the task took on itself (a select whose ready case vanished); on its kernel's thread. */
    void reopen() {
        PARKED.setRelease(this, 1);
    }

    /** @return whether the task's wake-up is still to be {@linkplain #claim() claimed} */
    boolean isClaimable() {
        return (int) PARKED.getAcquire(this) == 1;
    }

    /** @return the task id, unique within its scheduler (across all its kernels), counting from 1 */
    public int id() {
        return id;
    }

    /** @return where the task is in its life */
    public State state() {
        return STATES[state];
    }

    /** @return whether the task has exited: returned, failed or killed */
    public boolean isDone() {
        return state >= RETURNED;
    }

    /**
     * Suspends the calling task until this one has exited, and returns this task, whose
     * {@link #result()} or {@link #failure()} can then be read; returns at once if it has already
     * exited, so unlike {@link Syscalls#waitTask} it loses nothing to a task that ended first.
     * Called from a task of the same scheduler (any of its kernels); the deadline of an enclosing
     * {@link CancelScope} bounds the wait.
     *
     * @return this task, finished
     * @throws Cancelled if the calling task is cancelled, or its deadline passes, first
     * @throws IllegalArgumentException if a task joins itself, or a task of another scheduler
     */
    @Coroutine
    public Task join() {
        if (!isDone()) {
            Co.yield((SystemCall) (k, waiter) -> {
                if (!k.waitForExit(waiter, this)) {
                    k.resume(waiter, this); // it exited meanwhile, on another kernel
                }
            });
        }
        return this;
    }

    /**
     * The value the body returned: that of a {@link CoSupplier} body
     * ({@link Scheduler#spawnReturning}) or a generator, {@code null} for a {@link CoRunnable}.
     * An {@code Object}, to cast or to read with {@link #result(Class)}, as
     * {@link Generator#returnValue()}.
     *
     * @return the return value
     * @throws IllegalStateException if the task has not returned (it runs, failed, was killed
     *                               or cancelled)
     */
    public Object result() {
        if (state != RETURNED) {
            throw new IllegalStateException("task " + id + " has no result: it is " + describeState());
        }
        return outcome;
    }

    /**
     * The {@link #result()}, checked to be of {@code type}: {@code task.result(String.class)}.
     *
     * @param type the class of the expected value (a wrapper class for a primitive)
     * @param <R>  its type
     * @return the return value, or null
     * @throws IllegalStateException if the task has not returned
     * @throws ClassCastException    if the value is not a {@code type}
     */
    public <R> R result(Class<R> type) {
        return type.cast(result());
    }

    /** @return the exception the body threw, or null unless the task {@linkplain State#FAILED failed} */
    public Throwable failure() {
        return state == FAILED ? (Throwable) outcome : null;
    }

    /** @return whether the task exited because it was {@linkplain State#CANCELLED cancelled} */
    public boolean isCancelled() {
        return state == CANCELLED;
    }

    /** @return the {@link TaskGroup} this task is a child of, or null */
    public TaskGroup group() {
        return group;
    }

    @Override
    public String toString() {
        return "Task " + id + " (" + describeState() + ")";
    }

    private String describeState() {
        switch (state) {
            case WAITING:
                if (value instanceof Task t) {
                    return "waiting for task " + t.id;
                }
                String on = waitingOn();
                return on == null ? "waiting" : "waiting: " + on;
            case FAILED:
                return "failed: " + outcome;
            default:
                return state().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What the task waits on, for introspection and traces: {@code "task 3"},
     * {@code "readable java.nio.channels.SocketChannel[...]"}, {@code "receive from channel 'jobs'"},
     * {@code "sleep, 120 ms left"}; with {@code ", deadline in 40 ms"} when a timeout or a
     * {@link CancelScope} bounds the wait. Read it on the scheduler's thread (or through
     * {@link Scheduler#tasks()}).
     *
     * @return the description, or null if the task is not {@linkplain State#WAITING waiting}
     */
    public String waitingOn() {
        if (state != WAITING) {
            return null;
        }
        Object on = value;
        String what;
        if (on == null) {
            what = heapIndex >= 0 ? "sleep" : "a system call";
        } else if (on instanceof Task t) {
            what = "task " + t.id;
        } else if (on instanceof IoPoller.Waiters w) {
            what = w.describe(this);
        } else {
            Class<?> c = on.getClass();
            what = c.isSynthetic() || c.isHidden() ? "a system call's wake-up (" + c.getName().replaceAll("\\$\\$Lambda.*", "") + ")"
                    : on.toString();
        }
        if (heapIndex >= 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            what += on == null ? ", " + Math.max(0, left) + " ms left" : ", deadline in " + Math.max(0, left) + " ms";
        }
        return what;
    }

    /** Records that the body ended with {@code t}: killed, cancelled or failed. */
    void ended(Throwable t) {
        outcome = t;
        state = killing && t instanceof GeneratorExit ? KILLED
                : t instanceof Cancelled && !(t instanceof TaskTimeout) ? CANCELLED
                : FAILED;
    }

    /**
     * Every task's generator body: runs the user's body and records how it ended, so that the
     * kernel never has to tell a returning body from one that threw a {@code StopIteration} of
     * its own. The kernel starts a generator only from {@link Kernel#step}, which says which
     * task that is.
     */
    @Coroutine
    private static Object run() {
        Task task = Kernel.current().stepping;
        Object body = task.outcome;
        task.outcome = null;
        try {
            Object result;
            if (body instanceof CoSupplier<?> supplier) {
                result = supplier.get();
            } else if (body instanceof CoRunnable runnable) {
                runnable.run();
                result = null;
            } else {
                result = Co.yieldFrom((Generator<?>) body);
            }
            task.outcome = result;
            task.state = RETURNED;
        } catch (Throwable t) {
            task.ended(t);
        }
        if (!task.killing) {
            Co.yield(EXITED);
        }
        return null;
    }
}
