package io.jcoro.sched;

import io.jcoro.core.Co;
import io.jcoro.core.CoRunnable;
import io.jcoro.core.CoSupplier;
import io.jcoro.core.Coroutine;
import java.nio.channels.SelectableChannel;
import java.time.Duration;

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
     * @param body the child's body; its return value becomes the child's result
     * @return the child's id
     */
    @Coroutine
    public static int newTask(CoSupplier<?> body) {
        return Co.<Integer>yield(new NewTask(body));
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

    /** @param channel a non-blocking channel to wait until writable (or connected) */
    @Coroutine
    public static void writeWait(SelectableChannel channel) {
        Co.yield(new WriteWait(channel));
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
