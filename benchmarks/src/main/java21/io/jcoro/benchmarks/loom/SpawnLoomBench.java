package io.jcoro.benchmarks.loom;

import io.jcoro.benchmarks.YieldedValues;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** B4 (see {@code jmh.SpawnBench}): a new continuation, or a new virtual thread, that yields once. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpawnLoomBench {
    private static final Runnable ONCE = () -> ContinuationGenerator.current().yieldValue(YieldedValues.box(1));
    private static final Consumer<VirtualThreadGenerator> THREAD_ONCE = g -> g.yieldValue(YieldedValues.box(1));

    /** @return the one value of a new continuation generator, run to its end */
    @Benchmark
    public Object continuation() {
        Object last = null;
        ContinuationGenerator g = new ContinuationGenerator(ONCE);
        while (g.advance()) {
            last = g.value();
        }
        return last;
    }

    /** @return the one value of a new virtual-thread generator, run to its end */
    @Benchmark
    @Fork(jvmArgsAppend = {VirtualThreadFork.EXECUTOR, VirtualThreadFork.ONE_CARRIER})
    public Object virtualThread() {
        Object last = null;
        VirtualThreadGenerator g = new VirtualThreadGenerator(THREAD_ONCE);
        while (g.advance()) {
            last = g.value();
        }
        return last;
    }
}
