package io.jcoro.sched;

import io.jcoro.core.CoRunnable;
import io.jcoro.core.CoSupplier;
import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * The scheduler's services, as a {@link SystemCall} sees them: the course's {@code self.sched}.
 *
 * <p>A task never calls the kernel directly; it yields a system call, and the scheduler hands
 * that call the kernel and the calling task, which is then suspended at its yield. The call
 * does its work and either {@linkplain #resume resumes} the task at once (its yield returns
 * the value) or parks it (waiting for I/O, a timer, another task's exit, or something of the
 * call's own) until something resumes it. See {@link SystemCall} for how to write one.
 *
 * <p>All methods must be called on the kernel's thread: from system calls, from library
 * code running inside a task (for instance a channel's {@code close()}), or before the scheduler
 * runs. Other threads may only {@link Scheduler#stop()} it, hand it work with
 * {@link Scheduler#execute}, or ask {@link Scheduler#tasks()}.
 *
 * <p>A scheduler on several threads ({@link Scheduler#onThreads}) has one kernel per thread, and
 * each task belongs to one of them. A system call may still resume, raise into, cancel or kill a
 * task of another kernel: the kernel passes the work to that task's own kernel through its inbox.
 * A resume or raise from another kernel wakes the task only if it is waiting (it claims the
 * task's wake-up; see docs/SCHEDULER.md, "All cores", for the lock a custom wait must take).
 */
public final class Kernel {
    private static final ThreadLocal<Kernel> RUNNING = new ThreadLocal<>();
    /**
     * The kernel that started running last, checked against its runner; the thread-local is the
     * fallback. Written only when a scheduler starts or stops, never on a lookup, so that two
     * schedulers on two threads do not fight over it.
     */
    private static Kernel last;

    /** How many immediate I/O operations a task may do before {@link Syscalls#checkpoint()} yields. */
    static final int IO_BUDGET = 16;

    /** The live tasks: this kernel's own, or the table all kernels of a {@link KernelGroup} share. */
    final TaskTable tasks;
    /** The kernels this one runs with, or null for a scheduler of one kernel. */
    final KernelGroup group;
    /** How many tasks were ready after this kernel's last round: what the others balance against. */
    volatile int load;
    final ArrayDeque<Task> ready = new ArrayDeque<>();
    final TimerQueue timers = new TimerQueue();
    final IoPoller io = new IoPoller(this);
    final KernelLoop loop = new KernelLoop(this);
    /** Unlinking, killing and exiting tasks; the exit and failure listeners. */
    final TaskExits exits = new TaskExits(this);
    /** Work posted from other threads (completed futures, {@link Scheduler#execute}). */
    final Inbox inbox = new Inbox(io);
    /** Tasks waiting on something outside the scheduler (a future, a thread): the loop must wait for them. */
    int external;
    /** The tracing hook, or null (one null check per step when unused). */
    Activation activation;
    private int nextId = 1;
    /** The thread running the scheduler loop, or null when it does not run. */
    Thread runner;
    /** The kernel that was current on this thread when this one started (nested runs). */
    private Kernel outer;
    /** Immediate I/O operations of the running task since it was last resumed. */
    int ioOps;
    /** The task being stepped (its generator's body looks itself up here when it starts). */
    Task stepping;

    Kernel() {
        this.group = null;
        this.tasks = new TaskTable();
    }

    Kernel(KernelGroup group) {
        this.group = group;
        this.tasks = group.tasks;
    }

    /**
     * The kernel of the scheduler running on this thread; library code running inside a task
     * uses it for services that must not suspend (such as closing a channel in a
     * {@code finally} block while the task is being killed).
     *
     * @return the kernel, or null if no scheduler runs on this thread
     */
    public static Kernel current() {
        Kernel k = last;
        Thread me = Thread.currentThread();
        if (k != null && k.runner == me) {
            return k;
        }
        return RUNNING.get();
    }

    // ---- services for system calls ------------------------------------------------------------

    /** @return the current time, in {@link System#nanoTime()} terms, for deadlines */
    public long now() {
        return System.nanoTime();
    }

    /**
     * Creates a task running {@code body} and puts it at the end of the ready queue.
     *
     * @param body a {@link CoRunnable}, a {@link CoSupplier} (its return value becomes the
     *             task's {@linkplain Task#result() result}), or a not yet started
     *             {@link Generator} (the task runs it, as Python's {@code sched.new(foo())})
     * @return the new task
     * @throws IllegalArgumentException if {@code body} is none of those
     */
    public Task spawn(Object body) {
        checkThread();
        checkBody(body);
        Task t = newTask(body);
        adopt(t);
        return t;
    }

    static void checkBody(Object body) {
        Objects.requireNonNull(body, "body");
        if (!(body instanceof CoRunnable || body instanceof CoSupplier || body instanceof Generator)) {
            throw new IllegalArgumentException("a task body is a CoRunnable, a CoSupplier or a Generator, not "
                    + body.getClass().getName());
        }
    }

    /** Creates a task owned by this kernel and enters it in the table; any thread, with {@link #adopt} on this one. */
    Task newTask(Object body) {
        int id = group != null ? group.nextId() : nextId++;
        if (id == Integer.MAX_VALUE || id < 0) {
            throw new IllegalStateException("task ids exhausted");
        }
        Task t = new Task(id, body);
        t.kernel = this;
        tasks.add(t);
        return t;
    }

    /** Queues a new task made by {@link #newTask} (on this kernel's thread). */
    private void adopt(Task t) {
        ready.add(t);
        if (activation != null) {
            activation.created(t);
        }
    }

    /** Posts a new task made by {@link #newTask} on another thread to this kernel. */
    void adoptLater(Task t) {
        inbox.post(() -> {
            if (t.state == Task.READY) {
                adopt(t);
            }
        });
    }

    /** Takes over a ready task another kernel handed over (work sharing); on this kernel's thread. */
    void receive(Task t) {
        if (t.kernel == this && t.state == Task.READY) {
            ready.add(t);
        } else if (!t.isDone()) {
            onOwner(t, () -> t.kernel.receive(t)); // handed on again meanwhile
        }
    }

    /**
     * Whether this is the thread that may touch this kernel's tasks: its runner, or any thread
     * while neither it nor its group runs.
     */
    boolean isHere() {
        Thread r = runner;
        return r == Thread.currentThread() || r == null && (group == null || !group.running);
    }

    /**
     * Runs {@code work} on the thread of the kernel that owns {@code t}: at once if that is this
     * thread, else posted to that kernel's inbox, and handed on if the task moved meanwhile.
     */
    static void onOwner(Task t, Runnable work) {
        Kernel owner = t.kernel;
        if (owner.isHere()) {
            work.run();
        } else {
            owner.inbox.post(() -> {
                if (t.kernel == owner || t.isDone()) {
                    work.run();
                } else {
                    onOwner(t, work);
                }
            });
        }
    }

    /**
     * @param tid a task id
     * @return the live task of that id, or null if there is none (never was, or has exited)
     */
    public Task task(int tid) {
        return tasks.get(tid);
    }

    /** @return how many tasks are alive (ready, running or waiting) */
    public int taskCount() {
        return tasks.size();
    }

    /**
     * Describes every live task of this kernel (all of the scheduler's, unless it runs on several
     * threads): id, state, what it waits on, where it is suspended. On the kernel's thread (a task
     * may look at the others); {@link Scheduler#tasks()}, for every kernel, from anywhere.
     *
     * @return the tasks in id order
     */
    public java.util.List<TaskInfo> tasks() {
        checkThread();
        return TaskInfo.of(ownTasks());
    }

    /** @return the live tasks this kernel owns, in id order (all of them without a group) */
    Task[] ownTasks() {
        Task[] all = tasks.snapshot();
        if (group == null) {
            return all;
        }
        return Arrays.stream(all).filter(t -> t.kernel == this).toArray(Task[]::new);
    }

    /** @return the task whose code runs now (stepped, or being killed), or null */
    Task currentTask() {
        return stepping;
    }

    /**
     * Makes {@code task} ready: at its next turn, its pending yield returns {@code value}. A
     * waiting task is first taken out of whatever it waits on. Resuming a finished task does
     * nothing; resuming a ready one replaces the value it will receive, unless an error is
     * pending for it.
     *
     * @param task  a task suspended in a system call, or ready
     * @param value what its yield returns
     * @throws IllegalStateException if the task is the one running now
     */
    public void resume(Task task, Object value) {
        wake(task, value, false);
    }

    /**
     * Makes {@code task} ready with {@code error} to be raised at its pending yield, as
     * {@link Generator#throwIn}; the task may catch it. Like {@link #resume} otherwise.
     *
     * @param task  a task suspended in a system call, or ready
     * @param error the exception the yield throws
     */
    public void raise(Task task, Throwable error) {
        wake(task, Objects.requireNonNull(error, "error"), true);
    }

    private void wake(Task task, Object value, boolean error) {
        checkThread();
        if (!task.kernel.isHere()) {
            // Another kernel's task: only a waiting one can be woken from here, by claiming it.
            if (task.claim()) {
                wakeClaimed(task, value, error);
            }
            return;
        }
        switch (task.state) {
            case Task.WAITING:
                if (!task.claim()) {
                    return; // another waker got there first; its wake-up is on its way
                }
                exits.unlink(task);
                task.state = Task.READY;
                ready.add(task);
                break;
            case Task.READY:
                if (task.raising && !error) {
                    return; // the pending error wins
                }
                break;
            case Task.RUNNING:
                throw new IllegalStateException("task " + task.id + " is running; it cannot be resumed");
            default:
                return; // finished
        }
        task.value = value;
        task.raising = error;
    }

    /**
     * Wakes a waiting task whose wake-up the caller has {@linkplain Task#claim() claimed}: on its
     * kernel's thread at once, else through that kernel's inbox.
     */
    static void wakeClaimed(Task task, Object value, boolean error) {
        onOwner(task, () -> {
            if (task.state == Task.WAITING) {
                task.kernel.exits.unlink(task);
                task.state = Task.READY;
                task.kernel.ready.add(task);
                task.value = value;
                task.raising = error;
            }
        });
    }

    /**
     * Kills a task: raises {@link io.jcoro.core.GeneratorExit} at its suspension point so that
     * its {@code finally} blocks run, takes it out of whatever it waits on, and wakes the tasks
     * waiting for it. A task that has not started yet simply never runs. If its clean-up throws
     * (or it ignores the exit and yields), it is reported as failed with that exception.
     *
     * @param tid the victim's id
     * @return whether the task existed
     * @throws IllegalStateException if the victim is the task running now (a task kills itself
     *                               by yielding {@link KillTask} with its own id)
     */
    public boolean kill(int tid) {
        checkThread();
        Task victim = tasks.get(tid);
        if (victim == null) {
            return false;
        }
        exits.kill(victim);
        return true;
    }

    /**
     * Cancels a task: {@link Cancelled} is thrown in at its suspension point (at once if it is
     * suspended, else at its next suspension), so that its {@code finally} blocks run; a
     * {@linkplain CancelScope#shield() shield} holds it off until it closes. A task that has not
     * started never runs. Unlike {@link #kill(int)}, the task may catch the exception and go on
     * (it should not), and it exits in its own time: wait for it as for any task. It then has
     * the state {@link Task.State#CANCELLED}.
     *
     * @param task the task to cancel; the running task may cancel itself
     * @return false if it had already exited
     */
    public boolean cancel(Task task) {
        checkThread();
        if (task.isDone()) {
            return false;
        }
        if (!task.kernel.isHere()) {
            onOwner(task, () -> task.kernel.cancel(task));
            return true;
        }
        task.cancelRequested = true;
        if (task.state == Task.READY && task.generator.state() == GeneratorState.CREATED) {
            raise(task, new Cancelled(null, "task " + task.id + " was cancelled before it started"));
        } else {
            deliverCancellation(task);
        }
        return true;
    }

    /** Wakes {@code task} with its pending cancellation if it is suspended and one is due. */
    void deliverCancellation(Task task) {
        if (!task.kernel.isHere()) {
            onOwner(task, () -> task.kernel.deliverCancellation(task));
            return;
        }
        if (task.state == Task.WAITING) {
            Cancelled c = CancelScope.pendingFor(task, now());
            if (c != null) {
                raise(task, c);
            }
        }
    }

    /**
     * Parks {@code task} in a structure of the system call's own (a mailbox, a lock, a gate):
     * it waits until something {@linkplain #resume resumes} it. Whenever it is woken, by a
     * resume or otherwise (cancelled, timed out, killed), {@code unpark} runs first, to take it
     * out of that structure, so that nothing resumes it later by mistake; it must tolerate a
     * task the structure has already let go.
     *
     * @param task   the calling task, in its system call's {@code handle}
     * @param unpark removes the task from the call's structure
     */
    public void park(Task task, Runnable unpark) {
        checkThread();
        if (task.state != Task.WAITING) {
            throw new IllegalStateException("park: " + task + " is not in a system call");
        }
        task.value = Objects.requireNonNull(unpark, "unpark");
    }

    /**
     * Parks {@code waiter} until the task {@code tid} exits; it is then resumed with that
     * (finished) {@link Task}.
     *
     * @param waiter the task that waits
     * @param tid    the task to wait for
     * @return false, without parking, if there is no such task
     * @throws IllegalArgumentException if a task would wait for itself
     */
    public boolean waitForExit(Task waiter, int tid) {
        checkThread();
        Task target = tasks.get(tid);
        return target != null && waitForExit(waiter, target);
    }

    /**
     * {@link #waitForExit(Task, int)} for a task held rather than looked up ({@link Task#join()}).
     *
     * @return false, without parking, if it has exited
     * @throws IllegalArgumentException if a task would wait for itself, or for a task of another scheduler
     */
    boolean waitForExit(Task waiter, Task target) {
        if (target == waiter) {
            throw new IllegalArgumentException("task " + target.id + " cannot wait for itself to exit");
        }
        Kernel owner = target.kernel;
        if (owner != this && (group == null || owner.group != group)) {
            throw new IllegalArgumentException("task " + target.id + " belongs to another scheduler");
        }
        return ExitWaiters.add(target, waiter); // false if it has exited, here or on another kernel
    }

    /**
     * Parks {@code task} until {@code channel} can be read without blocking (for a server
     * socket: until a connection can be accepted), or until the channel is
     * {@linkplain #closeChannel closed}, which raises an {@link UncheckedIOException} in it.
     *
     * @param task    the task that waits
     * @param channel a channel in non-blocking mode
     * @throws IllegalStateException if another task already waits to read it
     */
    public void readWait(Task task, SelectableChannel channel) {
        checkThread();
        io.await(task, channel, false);
    }

    /**
     * Parks {@code task} until {@code channel} can be written without blocking (for a socket
     * that is connecting: until the connection is made or has failed).
     *
     * @param task    the task that waits
     * @param channel a channel in non-blocking mode
     * @throws IllegalStateException if another task already waits to write it
     */
    public void writeWait(Task task, SelectableChannel channel) {
        checkThread();
        io.await(task, channel, true);
    }

    /**
     * Bounds the wait {@code task} has just been parked in ({@link #readWait}, {@link #writeWait},
     * {@link #park}, ...): if nothing wakes it before {@link #now()} reaches {@code deadline},
     * it is resumed with {@code false} from an I/O wait, {@code null} otherwise.
     *
     * @param task     a task parked by the current system call
     * @param deadline in {@link System#nanoTime()} terms
     */
    public void timeoutAt(Task task, long deadline) {
        checkThread();
        timers.add(task, deadline);
    }

    /**
     * Parks {@code task} until {@link #now()} reaches {@code deadline}; tasks with equal
     * deadlines wake in the order they went to sleep.
     *
     * @param task     the task that sleeps
     * @param deadline when it wakes, in {@link System#nanoTime()} terms
     */
    public void sleepUntil(Task task, long deadline) {
        checkThread();
        timers.add(task, deadline);
    }

    /**
     * Closes {@code channel} for good: takes it off the selector and raises an
     * {@link UncheckedIOException} (caused by an {@link java.nio.channels.AsynchronousCloseException})
     * in any task still waiting on it, then closes it. Close channels that tasks wait on this
     * way: a channel closed behind the kernel's back leaves its waiters waiting.
     *
     * @param channel the channel, open or not
     * @throws UncheckedIOException if closing fails
     */
    public void closeChannel(SelectableChannel channel) {
        checkThread();
        io.release(channel);
        if (group != null) {
            group.releaseElsewhere(this, channel); // keys it kept on the selectors of kernels its tasks came from
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + channel, e);
        }
    }

    /**
     * Counts one I/O operation that completed without waiting, for fairness: a task that
     * always finds its data ready would otherwise never let the others run.
     *
     * @return true once the running task has done {@link #IO_BUDGET} such operations since it
     *         was last resumed; it should then yield
     */
    boolean spendIoBudget() {
        return ++ioOps >= IO_BUDGET;
    }

    // ---- the running thread -------------------------------------------------------------------

    void enter() {
        Thread me = Thread.currentThread();
        if (runner != null) {
            throw new IllegalStateException(runner == me ? "the scheduler is already running on this thread"
                    : "the scheduler is already running on " + runner.getName());
        }
        runner = me;
        outer = RUNNING.get();
        RUNNING.set(this);
        last = this;
    }

    void leave() {
        runner = null;
        if (outer == null) {
            RUNNING.remove();
        } else {
            RUNNING.set(outer);
        }
        if (last == this) {
            last = outer;
        }
        outer = null;
    }

    private void checkThread() {
        Thread r = runner;
        if (r != null && r != Thread.currentThread()) {
            throw new IllegalStateException("the scheduler runs on " + r.getName()
                    + "; its kernel cannot be used from " + Thread.currentThread().getName());
        }
    }

    /** @return {@code d} in nanoseconds, saturated so that deadlines never overflow */
    static long nanos(Duration d) {
        try {
            return Math.min(d.toNanos(), Long.MAX_VALUE / 4);
        } catch (ArithmeticException tooLong) {
            return d.isNegative() ? 0 : Long.MAX_VALUE / 4;
        }
    }
}
