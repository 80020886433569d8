package io.jcoro.benchmarks.loom;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** B1 (see {@code jmh.YieldBench}) on a Loom continuation and on a virtual thread. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class YieldLoomBench {
    private ContinuationGenerator continuation;
    private VirtualThreadGenerator thread;

    /** Creates the generators, not started. */
    @Setup
    public void setup() {
        continuation = new ContinuationGenerator(LoomShapes.continuationBody(1));
        thread = new VirtualThreadGenerator(LoomShapes.threadBody(1));
    }

    /** @return the next value of a continuation generator */
    @Benchmark
    public Object continuation() {
        return continuation.next();
    }

    /** @return the next value of a virtual-thread generator */
    @Benchmark
    @Fork(jvmArgsAppend = {VirtualThreadFork.EXECUTOR, VirtualThreadFork.ONE_CARRIER})
    public Object virtualThread() {
        return thread.next();
    }
}
