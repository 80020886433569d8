package io.jcoro.sched;

import io.jcoro.core.Co;
import io.jcoro.core.CoRunnable;
import io.jcoro.core.CoSupplier;
import io.jcoro.core.Coroutine;
import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The system calls as ordinary functions. Each yields its {@link SystemCall} and returns what
 * the kernel answers, so a task writes {@code int me = Syscalls.getTid();} rather than
 * {@code int me = Co.yield(new GetTid());}: they are {@code @Coroutine} methods, callable at
 * any depth of {@code @Coroutine} calls, which is what makes the course's trampolining (pyos8)
 * unnecessary.
 */
public final class Syscalls {
    private Syscalls() {
    }

    /** @return the calling task's id */
    @Coroutine
    public static int getTid() {
        return Co.<Integer>yield(new GetTid());
    }

    /**
     * @param body the child's body
     * @return the child's id; the child runs before this call returns
     */
    @Coroutine
    public static int newTask(CoRunnable body) {
        return Co.<Integer>yield(new NewTask(body));
    }

    /**
     * @param body the child's body; its return value becomes the child's {@link Task#result()}
     * @return the child's id
     */
    @Coroutine
    public static int newTaskReturning(CoSupplier<?> body) {
        return Co.<Integer>yield(NewTask.returning(body));
    }

    /**
     * Starts a child and returns it: curio's {@code spawn}. Where {@link #newTask} gives an id,
     * whose task {@link #waitTask} no longer finds once it has exited, the {@link Task} keeps its
     * outcome: {@link Task#join()} returns it however early the child ended. The child is
     * queued before this call returns, so it runs first.
     *
     * @param body the child's body
     * @return the child
     */
    @Coroutine
    public static Task spawn(CoRunnable body) {
        return Co.yield(NewTask.givingTask(body));
    }

    /**
     * {@link #spawn} for a body that returns a value, kept as the child's {@link Task#result()}:
     * {@code Object r = Syscalls.spawnReturning(() -> work()).join().result();}.
     *
     * @param body the child's body
     * @return the child
     */
    @Coroutine
    public static Task spawnReturning(CoSupplier<?> body) {
        return Co.yield(NewTask.givingTask(body));
    }

    /**
     * @param tid the victim
     * @return whether it existed; its {@code finally} blocks have run
     */
    @Coroutine
    public static boolean killTask(int tid) {
        return Co.<Boolean>yield(new KillTask(tid));
    }

    /**
     * Cancels a task and waits until it has exited; see {@link CancelTask}.
     *
     * @param tid the victim
     * @return the victim, finished (normally {@linkplain Task#isCancelled() cancelled}), or null
     *         if there was no such task
     */
    @Coroutine
    public static Task cancelTask(int tid) {
        return Co.yield(new CancelTask(tid));
    }

    /**
     * The course's {@code WaitTask}: a task that has already exited is no longer known by its id,
     * so a child that ended before this call gives null, and its outcome is lost to the caller;
     * {@link #spawn} and {@link Task#join()} keep it.
     *
     * @param tid the task to wait for
     * @return the task, finished (its result or failure), or null if there was no such task
     */
    @Coroutine
    public static Task waitTask(int tid) {
        return Co.yield(new WaitTask(tid));
    }

    /** @param channel a non-blocking channel to wait until readable (or acceptable) */
    @Coroutine
    public static void readWait(SelectableChannel channel) {
        Co.yield(new ReadWait(channel));
    }

    /**
     * @param channel a non-blocking channel to wait until readable (or acceptable)
     * @param timeout how long to wait at most
     * @return true if it is ready, false if the timeout passed first
     */
    @Coroutine
    public static boolean readWait(SelectableChannel channel, Duration timeout) {
        return Co.<Boolean>yield(new ReadWait(channel, Objects.requireNonNull(timeout, "timeout")));
    }

    /** @param channel a non-blocking channel to wait until writable (or connected) */
    @Coroutine
    public static void writeWait(SelectableChannel channel) {
        Co.yield(new WriteWait(channel));
    }

    /**
     * @param channel a non-blocking channel to wait until writable (or connected)
     * @param timeout how long to wait at most
     * @return true if it is ready, false if the timeout passed first
     */
    @Coroutine
    public static boolean writeWait(SelectableChannel channel, Duration timeout) {
        return Co.<Boolean>yield(new WriteWait(channel, Objects.requireNonNull(timeout, "timeout")));
    }

    /** @param duration how long to sleep; zero just lets the other ready tasks run */
    @Coroutine
    public static void sleep(Duration duration) {
        Co.yield(Sleep.of(duration));
    }

    /** @param millis how many milliseconds to sleep */
    @Coroutine
    public static void sleep(long millis) {
        Co.yield(Sleep.millis(millis));
    }

    /**
     * Suspends the task until {@code future} completes, and returns its value: Python's
     * {@code await}, Kotlin's {@code Deferred.await}. Whatever thread completes the future, the
     * task resumes on the scheduler's thread (the completion wakes the scheduler from its
     * selector wait). A future that failed throws its exception here, unchanged (the cause of a
     * {@code CompletionException}), checked or not; a cancelled one throws
     * {@code CancellationException}. A future already complete answers at the next turn.
     *
     * <p>Cancelling the task, or a deadline around the call, ends the wait with {@link Cancelled};
     * the future itself is left alone (cancel it in a {@code finally} if it is yours to stop).
     * While a task awaits, the scheduler does not count it as deadlocked: it blocks until the
     * future completes.
     *
     * <pre>{@code
     * HttpResponse<String> r = Syscalls.await(client.sendAsync(request, BodyHandlers.ofString()));
     * }</pre>
     *
     * @param future the future, or any {@link CompletionStage}
     * @param <T>    its value's type
     * @return its value
     */
    @Coroutine
    public static <T> T await(CompletionStage<T> future) {
        return Co.yield(new FutureWait(Objects.requireNonNull(future, "future")));
    }

    /**
     * @return whether the calling code runs in a task of a scheduler on this thread (its
     *         {@code @Coroutine} calls may then suspend the task with system calls)
     */
    public static boolean inTask() {
        Kernel k = Kernel.current();
        return k != null && k.currentTask() != null;
    }

    /**
     * Runs {@code body} with a deadline {@code timeout} from now, and carries on if it passes:
     * trio's {@code move_on_after}, curio's {@code ignore_after}. Once the deadline has passed,
     * the body's next suspension (or the one it is in) throws {@link TaskTimeout}, its
     * {@code finally} blocks run, and this call returns false. A deadline of an outer scope, or
     * a cancellation, passes through. See {@link CancelScope}.
     *
     * <pre>{@code
     * boolean done = Syscalls.moveOnAfter(Duration.ofSeconds(1), () -> {
     *     reply[0] = connection.recv(100);
     * });
     * }</pre>
     *
     * @param timeout how long the body may take
     * @param body    the body; an exception it throws (checked or not) comes out of this call
     *                unchanged, as from a {@link io.jcoro.core.Generator}
     * @return true if the body finished, false if the deadline cut it short
     */
    @Coroutine
    public static boolean moveOnAfter(Duration timeout, CoRunnable body) {
        return moveOn(CancelScope.failAfter(timeout), body);
    }

    /**
     * As {@link #moveOnAfter}, with an absolute deadline: trio's {@code move_on_at}.
     *
     * @param deadlineNanos the deadline, in {@link System#nanoTime()} terms
     * @param body          the body
     * @return true if the body finished, false if the deadline cut it short
     */
    @Coroutine
    public static boolean moveOnAt(long deadlineNanos, CoRunnable body) {
        return moveOn(CancelScope.failAt(deadlineNanos), body);
    }

    @Coroutine
    private static boolean moveOn(CancelScope scope, CoRunnable body) {
        try (scope) {
            body.run();
            return true;
        } catch (Cancelled c) {
            if (c.scope() == scope) {
                return false;
            }
            throw c;
        } catch (Exception e) {
            throw Syscalls.<RuntimeException>rethrow(e);
        }
    }

    /** Throws {@code t} unchanged, checked or not, as the core does with a body's exception. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }

    /**
     * A fairness point for I/O code: counts one operation that completed without waiting and,
     * after {@value Kernel#IO_BUDGET} of them since the task last waited, yields so that the
     * other tasks get a turn. Library I/O calls it after every operation that did not suspend;
     * outside a scheduler it does nothing.
     */
    @Coroutine
    public static void checkpoint() {
        Kernel k = Kernel.current();
        if (k != null && k.spendIoBudget()) {
            Co.yield(null);
        }
    }
}
