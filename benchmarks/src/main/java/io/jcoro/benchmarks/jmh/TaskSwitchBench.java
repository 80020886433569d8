package io.jcoro.benchmarks.jmh;

import io.jcoro.benchmarks.floor.ReadyQueue;
import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.sched.Scheduler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * S1: two tasks ping-ponging through a scheduler's ready queue; one op is one task switch
 * (resume a task, run it to its yield, queue it again). An invocation spawns the two tasks and
 * runs them through {@link #SWITCHES} switches, so spawning is spread over as many ops.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TaskSwitchBench {
    /** Task switches per invocation: each task takes half the steps (yields one fewer, then ends). */
    public static final int SWITCHES = 10_000;

    private Scheduler scheduler;

    /** A task that yields {@code n} times. */
    @Coroutine
    static void yielder(int n) {
        for (int i = 0; i < n; i++) {
            Co.yield(null);
        }
    }

    /** One scheduler for every invocation: it may run again once its tasks have ended. */
    @Setup
    public void setup() {
        scheduler = new Scheduler();
    }

    /** Releases the scheduler's selector. */
    @TearDown
    public void tearDown() {
        scheduler.close();
    }

    /** Two jcoro tasks through jcoro's scheduler. */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public void jcoro() {
        scheduler.spawn(() -> yielder(SWITCHES / 2 - 1));
        scheduler.spawn(() -> yielder(SWITCHES / 2 - 1));
        scheduler.run();
    }

    /** @return the switches made: two hand-written tasks through a bare ready queue */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public int floor() {
        ReadyQueue queue = new ReadyQueue();
        queue.spawn(new ReadyQueue.YieldingTask(SWITCHES / 2 - 1));
        queue.spawn(new ReadyQueue.YieldingTask(SWITCHES / 2 - 1));
        return queue.run();
    }
}
