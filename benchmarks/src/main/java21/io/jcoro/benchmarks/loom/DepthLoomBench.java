package io.jcoro.benchmarks.loom;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** B2 (see {@code jmh.DepthBench}) on a Loom continuation and on a virtual thread. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DepthLoomBench {
    /** Frames on the coroutine's stack when it yields, the body included. */
    @Param({"1", "3", "10", "30", "100"})
    public int depth;

    private ContinuationGenerator continuation;
    private VirtualThreadGenerator thread;

    /** Creates the generators, not started. */
    @Setup
    public void setup() {
        continuation = new ContinuationGenerator(LoomShapes.continuationBody(depth));
        thread = new VirtualThreadGenerator(LoomShapes.threadBody(depth));
    }

    /** @return the next value of a continuation generator yielding {@code depth} frames deep */
    @Benchmark
    public Object continuation() {
        return continuation.next();
    }

    /** @return the next value of a virtual-thread generator yielding {@code depth} frames deep */
    @Benchmark
    @Fork(jvmArgsAppend = {VirtualThreadFork.EXECUTOR, VirtualThreadFork.ONE_CARRIER})
    public Object virtualThread() {
        return thread.next();
    }
}
