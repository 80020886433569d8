package io.jcoro.sched;

import io.jcoro.core.CoRunnable;
import io.jcoro.core.CoSupplier;
import io.jcoro.core.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A task scheduler: the course's tiny operating system (pyos), finished. Tasks are coroutines;
 * a {@code Co.yield} of a {@link SystemCall} is a trap into the kernel, any other yield just
 * gives the other tasks a turn.
 *
 * <pre>{@code
 * Scheduler sched = new Scheduler();
 * sched.onExit(t -> System.out.println("Task " + t.id() + " terminated"));
 * sched.spawn(() -> foo());
 * sched.spawn(() -> bar());
 * sched.run();                                    // returns when no task is left
 * }</pre>
 *
 * <p>{@link #run()} is one loop, as curio's kernel: (1) wait for events, polling the selector
 * without blocking while tasks are ready, else blocking until the next timer or I/O event;
 * (2) make the sleepers whose time has come ready; (3) run every task that was ready at the
 * start of the round, one step each, handling the system calls they yield. It runs on the
 * calling thread and needs no other thread: a waiting task is just a suspended coroutine, so a
 * scheduler holds a million sleeping tasks or a hundred thousand idle connections in an
 * ordinary heap.
 *
 * <p>A task that throws is reported (by default on {@code System.err}, with its id and the
 * exception; see {@link #onFailure}) and exits; the other tasks go on, and tasks waiting for it
 * are woken. The loop ends when no task is left, or when {@link #stop()} is called from any
 * thread. It is cooperative: a task that never yields holds the scheduler.
 *
 * <p>Everything except {@link #stop()}, {@link #execute}, {@link #tasks()} and {@link #dump()}
 * must be called on the thread that runs the scheduler, or before it runs. A scheduler on several
 * threads ({@link #onThreads}) may also be given tasks ({@link #spawn}) from any of its own
 * threads, that is from its tasks.
 */
public final class Scheduler implements AutoCloseable, Executor {
    /** How long {@link #tasks()} from another thread waits for the scheduler's answer. */
    private static final long ASK_TIMEOUT_SECONDS = 5;

    /** The kernel of a one-thread scheduler; the first of a group, whose loop runs on the caller of run(). */
    private final Kernel kernel;
    /** The kernels of a scheduler on several threads, or null. */
    private final KernelGroup group;
    private volatile boolean stopRequested;
    private boolean closed;

    /** Creates a scheduler with no tasks, that runs on the thread that calls {@link #run()}. */
    public Scheduler() {
        this(null);
    }

    private Scheduler(KernelGroup group) {
        this.group = group;
        this.kernel = group == null ? new Kernel() : group.kernels[0];
    }

    /**
     * Creates a scheduler that runs on {@code threads} threads, one kernel each (its own ready
     * queue, timers and selector): {@link #run()} runs one kernel on the calling thread and the
     * others on threads of their own, and returns when no task is left on any. Tasks spawned
     * from outside go to the kernels in turn, and a kernel with ready tasks to spare hands half
     * of them to an idle one between two rounds, so a task may resume on another thread than
     * the one it last ran on (never on two at once). A task waiting for I/O, a timer or a
     * channel stays on its kernel until it is woken; channels, events, semaphores, locks, task
     * waits, cancellation and kills work across kernels. See docs/SCHEDULER.md, "All cores".
     * With one thread this is {@code new Scheduler()}.
     *
     * @param threads how many kernels, at least 1 (the number of cores, for all of them)
     * @return the scheduler
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public static Scheduler onThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a scheduler needs at least one thread: " + threads);
        }
        return threads == 1 ? new Scheduler() : new Scheduler(new KernelGroup(threads));
    }

    /** @return how many threads (kernels) the scheduler runs on */
    public int threads() {
        return group == null ? 1 : group.kernels.length;
    }

    private Kernel[] kernels() {
        return group == null ? new Kernel[] {kernel} : group.kernels;
    }

    private Task spawnAny(Object body) {
        return group == null ? kernel.spawn(body) : group.spawn(body);
    }

    /**
     * Adds a task; the course's {@code sched.new(target)}. It starts at the scheduler's next
     * turn, after the tasks already ready.
     *
     * @param body the task's body
     * @return the new task
     */
    public Task spawn(CoRunnable body) {
        return spawnAny(body);
    }

    /**
     * Adds a task whose body returns a value, kept as its {@link Task#result()}. A name of its
     * own rather than an overload of {@link #spawn(CoRunnable)}, for the reason
     * {@link Generator#returning} gives.
     *
     * @param body the task's body
     * @return the new task
     */
    public Task spawnReturning(CoSupplier<?> body) {
        return spawnAny(body);
    }

    /**
     * Adds a task that runs a generator, as the course's {@code sched.new(foo())} does: the
     * values it yields are system calls or plain yields, and what it returns is the task's
     * result.
     *
     * @param body a generator that has not started
     * @return the new task
     */
    public Task spawn(Generator<?> body) {
        return spawnAny(body);
    }

    /**
     * Sets what runs when a task exits, whichever way (returned, failed or killed), after the
     * failure report if it failed; for instance the course's {@code "Task 3 terminated"}.
     *
     * @param listener called on the scheduler's thread with the finished task; null for none
     * @return this scheduler
     */
    public Scheduler onExit(Consumer<Task> listener) {
        for (Kernel k : kernels()) {
            k.exits.onExit = listener;
        }
        return this;
    }

    /**
     * Sets how a failed task is reported. By default: {@code "Task 3 failed: "} and the stack
     * trace on {@code System.err}.
     *
     * @param reporter called on the scheduler's thread with the task, whose
     *                 {@link Task#failure()} is the exception; null to report nothing
     * @return this scheduler
     */
    public Scheduler onFailure(Consumer<Task> reporter) {
        for (Kernel k : kernels()) {
            k.exits.onFailure = reporter;
        }
        return this;
    }

    /**
     * Adds a hook that sees tasks created, run, trapping into the kernel and ending (curio's
     * activations); see {@link Activation}. Hooks run in the order they were added.
     *
     * @param activation the hook
     * @return this scheduler
     */
    public Scheduler addActivation(Activation activation) {
        Objects.requireNonNull(activation, "activation");
        for (Kernel k : kernels()) {
            k.activation = ActivationChain.add(k.activation, activation);
            activation.activate(k);
        }
        return this;
    }

    /**
     * Runs {@code work} on the scheduler's thread, between two steps; callable from any thread.
     * This is the way in for other threads: the work may spawn tasks, resume or cancel them, send
     * to a channel without waiting ({@link Channel#trySend}), set an {@link Event}. It runs while
     * the scheduler {@linkplain #run() runs} (posted before, it waits for it); a {@link
     * RuntimeException} it throws is printed and the loop goes on. Posting does not keep the
     * scheduler alive: a task that waits for something from outside awaits a future
     * ({@link Syscalls#await}).
     *
     * @param work what to run
     */
    @Override
    public void execute(Runnable work) {
        kernel.inbox.post(Objects.requireNonNull(work, "work"));
    }

    /**
     * Describes every live task: id, state, what it waits on, and its suspended frames with
     * class, method and line. From the scheduler's thread (a task, a system call, a listener) or
     * while it does not run, directly; from another thread while it runs, the question is
     * {@linkplain #execute posted} to it and answered between two steps.
     *
     * @return the tasks in id order
     * @throws IllegalStateException if asked from another thread and the scheduler does not
     *                               answer within 5 seconds (a task that never yields holds it)
     */
    public List<TaskInfo> tasks() {
        if (group == null) {
            return ask(kernel, kernel::tasks);
        }
        List<TaskInfo> all = new ArrayList<>();
        for (Kernel k : group.kernels) {
            all.addAll(ask(k, k::tasks)); // each kernel describes its own tasks, on its thread
        }
        all.sort(java.util.Comparator.comparingInt(TaskInfo::id));
        return all;
    }

    /**
     * The {@link #tasks()} as text, one block per task, as {@code jstack} prints threads:
     * <pre>
     * Scheduler: 2 tasks
     * Task 1 WAITING: receive from channel 'jobs'
     *     at app.Worker.work(Worker.java:31)
     *     at app.Main.lambda$main$0(Main.java:12)
     * Task 2 READY
     * </pre>
     *
     * @return the dump
     */
    public String dump() {
        List<TaskInfo> all = tasks();
        StringBuilder sb = new StringBuilder("Scheduler: ").append(all.size()).append(all.size() == 1 ? " task" : " tasks");
        for (TaskInfo t : all) {
            sb.append(System.lineSeparator()).append(t);
        }
        return sb.toString();
    }

    private static <R> R ask(Kernel k, Supplier<R> question) {
        Thread r = k.runner;
        if (r == null || r == Thread.currentThread()) {
            return question.get();
        }
        CompletableFuture<R> answer = new CompletableFuture<>();
        k.inbox.post(() -> answer.complete(question.get()));
        try {
            return answer.get(ASK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the scheduler running on " + r.getName() + " did not answer within "
                    + ASK_TIMEOUT_SECONDS + " s (a task that never yields holds its thread)", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the scheduler failed to answer", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the scheduler", e);
        }
    }

    /**
     * Runs the tasks until none is left, or until {@link #stop()}; the course's
     * {@code mainloop()}. A scheduler that ran out of tasks may be given new ones and run again.
     * A stopped one kills its remaining tasks (their {@code finally} blocks run) and returns;
     * running it again returns at once.
     *
     * <p>No failure of a task or a channel ends the loop. A failure of the kernel itself (an
     * {@link Error} thrown by a system call, a selector that cannot select) stops it cleanly:
     * every task is killed, its {@code finally} blocks run, the scheduler counts as
     * {@linkplain #stop() stopped}, and the failure comes out of {@code run()} (with any
     * clean-up failure suppressed in it).
     *
     * @throws IllegalStateException if it is already running, has been closed, or if every
     *                               remaining task waits and nothing can ever wake one (a
     *                               deadlock: no task ready, sleeping or waiting for I/O); the
     *                               tasks are then left as they are, {@link #close()} kills them
     */
    public void run() {
        if (closed) {
            throw new IllegalStateException("the scheduler is closed");
        }
        if (group != null) {
            runGroup();
            return;
        }
        kernel.enter();
        try {
            loop();
        } catch (Throwable kernelFailure) {
            if (!(kernelFailure instanceof Deadlock)) {
                stopRequested = true;
                kernel.loop.abort(kernelFailure);
            }
            throw kernelFailure;
        } finally {
            kernel.inbox.drain(); // questions asked as the loop ended are answered
            kernel.leave();
        }
    }

    /** A deadlock leaves the tasks as they are, unlike a failure of the kernel. */
    private static final class Deadlock extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Deadlock(String message) {
            super(message);
        }
    }

    private void loop() {
        loop(kernel);
    }

    private void loop(Kernel k) {
        while (!stopRequested && k.taskCount() > 0 && (group == null || group.deadlock == null)) {
            if (!k.loop.awaitEvents()) {
                if (stopRequested) {
                    break;
                }
                throw new Deadlock("deadlock: every task waits and nothing can wake one: "
                        + describe(k.tasks.snapshot()) + (group == null ? "" : " (on " + group.kernels.length + " kernels)"));
            }
            runRound(k);
        }
        if (stopRequested) {
            k.loop.killAll();
        }
    }

    /** Runs each task that is ready now once; tasks made ready meanwhile wait for the next round. */
    private void runRound(Kernel k) {
        for (int n = k.ready.size(); n > 0 && !stopRequested; n--) {
            Task t = k.ready.poll();
            if (t.state == Task.READY) {
                k.loop.step(t);
            }
            // else: killed while it waited in the queue
        }
        if (group != null) {
            group.share(k);
        }
    }

    /**
     * {@link #run()} on several kernels: kernel 0 on this thread, the others on threads of their
     * own, until no task is left on any, a stop, a failure of one kernel (which stops them all
     * and comes out here) or a deadlock of all of them.
     */
    private void runGroup() {
        if (group.running) {
            throw new IllegalStateException("the scheduler is already running");
        }
        group.running = true;
        group.deadlock = null;
        Throwable[] failure = new Throwable[1];
        Kernel[] ks = group.kernels;
        Thread[] threads = new Thread[ks.length - 1];
        try {
            for (int i = 1; i < ks.length; i++) {
                Kernel k = ks[i];
                threads[i - 1] = new Thread(() -> runKernel(k, failure), "jcoro-kernel-" + i);
                threads[i - 1].start();
            }
            runKernel(ks[0], failure);
        } finally {
            joinAll(threads);
            group.running = false;
        }
        if (stopRequested || failure[0] != null && !(failure[0] instanceof Deadlock)) {
            for (Kernel k : ks) { // tasks that were handed over as the loops ended
                k.enter();
                try {
                    k.loop.killAll();
                } finally {
                    k.leave();
                }
            }
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
    }

    private void runKernel(Kernel k, Throwable[] failure) {
        k.enter();
        try {
            loop(k);
        } catch (Throwable f) {
            if (!(f instanceof Deadlock)) {
                stopRequested = true;
                group.wakeAll();
                k.loop.abort(f);
            }
            synchronized (failure) {
                if (failure[0] == null) {
                    failure[0] = f;
                } else {
                    failure[0].addSuppressed(f);
                }
            }
        } finally {
            k.inbox.drain();
            k.leave();
        }
    }

    /** Waits for the kernels' threads; they end once the loops see the end, a stop or a deadlock. */
    private void joinAll(Thread[] threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t != null && t.isAlive()) {
                try {
                    t.join(1000);
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop(); // the caller wants out: stop every kernel, then wait for them
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks the scheduler to stop, from any thread (or from a task): the loop ends after the
     * current task's step, the remaining tasks are killed so that their {@code finally} blocks
     * run, and {@link #run()} returns. Stopping is final.
     */
    public void stop() {
        stopRequested = true;
        for (Kernel k : kernels()) {
            k.io.wakeup();
        }
    }

    /** @return whether {@link #stop()} has been called */
    public boolean isStopped() {
        return stopRequested;
    }

    /** @return how many tasks are alive (ready, running or waiting) */
    public int taskCount() {
        return kernel.taskCount();
    }

    /**
     * Closes the scheduler: kills any remaining task (running its {@code finally} blocks) and
     * closes the selector, which deregisters every channel tasks waited on. Does nothing if
     * already closed.
     *
     * @throws IllegalStateException if it is running
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (kernel.runner != null || group != null && group.running) {
            throw new IllegalStateException("the scheduler is running; stop() it and let run() return first");
        }
        stopRequested = true;
        try {
            for (Kernel k : kernels()) {
                k.enter();
                try {
                    k.loop.killAll();
                } finally {
                    k.leave();
                }
            }
        } finally {
            closed = true;
            for (Kernel k : kernels()) {
                k.io.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Scheduler[" + kernel.taskCount() + " tasks" + (group == null ? "" : ", " + group.kernels.length + " threads") + (stopRequested ? ", stopped" : "") + "]";
    }

    private static String describe(Task[] tasks) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tasks.length && i < 10; i++) {
            sb.append(i == 0 ? "" : ", ").append(Objects.toString(tasks[i]));
        }
        if (tasks.length > 10) {
            sb.append(", and ").append(tasks.length - 10).append(" more");
        }
        return sb.toString();
    }
}
