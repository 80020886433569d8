package io.jcoro.benchmarks.loom;

import io.jcoro.benchmarks.jmh.TaskSwitchBench;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import jdk.internal.vm.Continuation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * S1 (see {@code jmh.TaskSwitchBench}): two continuations round-robin through a ready queue, and
 * two virtual threads calling {@code Thread.yield()} on a one-carrier scheduler (the JDK's own
 * ready queue).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TaskSwitchLoomBench {
    private static final int SWITCHES = TaskSwitchBench.SWITCHES;
    private static final Runnable YIELDER = () -> {
        for (int i = 0; i < SWITCHES / 2 - 1; i++) {
            Continuation.yield(ContinuationGenerator.SCOPE);
        }
    };
    private static final Runnable THREAD_YIELDER = () -> {
        for (int i = 0; i < SWITCHES / 2 - 1; i++) {
            Thread.yield();
        }
    };

    /** @return the switches made: two continuations through an ArrayDeque */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public int continuation() {
        ArrayDeque<Continuation> ready = new ArrayDeque<>();
        ready.add(new Continuation(ContinuationGenerator.SCOPE, YIELDER));
        ready.add(new Continuation(ContinuationGenerator.SCOPE, YIELDER));
        int switches = 0;
        Continuation c;
        while ((c = ready.poll()) != null) {
            switches++;
            c.run();
            if (!c.isDone()) {
                ready.add(c);
            }
        }
        return switches;
    }

    /** Two virtual threads yielding to each other through the virtual-thread scheduler. */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    @Fork(jvmArgsAppend = {VirtualThreadFork.EXECUTOR, VirtualThreadFork.ONE_CARRIER})
    public void virtualThread() throws InterruptedException {
        Thread a = Thread.ofVirtual().start(THREAD_YIELDER);
        Thread b = Thread.ofVirtual().start(THREAD_YIELDER);
        a.join();
        b.join();
    }
}
