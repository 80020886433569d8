package io.jcoro.sched;

import java.time.Duration;

/**
 * Suspends the task for a while: {@code Co.yield(Sleep.millis(100));}. A sleep of zero (or
 * less) just lets every other ready task run first. Sleepers with the same wake-up time wake in
 * the order they went to sleep.
 *
 * @param nanos how long, in nanoseconds
 */
public record Sleep(long nanos) implements SystemCall {
    /**
     * @param duration how long
     * @return the call
     */
    public static Sleep of(Duration duration) {
        return new Sleep(Kernel.nanos(duration));
    }

    /**
     * @param millis how long, in milliseconds
     * @return the call
     */
    public static Sleep millis(long millis) {
        return of(Duration.ofMillis(millis));
    }

    @Override
    public void handle(Kernel kernel, Task task) {
        if (nanos <= 0) {
            kernel.resume(task, null);
        } else {
            kernel.sleepUntil(task, kernel.now() + Math.min(nanos, Long.MAX_VALUE / 4));
        }
    }
}
