package io.jcoro.benchmarks.jmh;

import io.jcoro.benchmarks.YieldedValues;
import io.jcoro.benchmarks.floor.RewindFrames;
import io.jcoro.benchmarks.kilim.KilimChain;
import io.jcoro.core.Co;
import io.jcoro.core.CoRunnable;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * B2: B1's round trip with the yield {@code depth} frames deep: the body calls a recursive
 * {@code @Coroutine} method {@code depth - 1} times, and the innermost call yields the
 * incrementing int in a loop. At depth 1 the body yields itself (B1's shape). Every resume
 * re-enters all {@code depth} frames and every yield unwinds them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DepthBench {
    /** Frames on the generator's stack when it yields, the body included. */
    @Param({"1", "3", "10", "30", "100"})
    public int depth;

    private Generator<Integer> generator;
    private RewindFrames floor;
    private KilimChain kilim;

    /**
     * One frame of the chain: {@code k} frames from here to the yield, this one included.
     *
     * @param k at least 1
     */
    @Coroutine
    static void frame(int k) {
        if (k > 1) {
            frame(k - 1);
            return;
        }
        int i = 0;
        while (true) {
            Co.yield(YieldedValues.box(i));
            i++;
        }
    }

    /**
     * @param depth frames on the stack at the yield, the body included
     * @return a generator body whose yield is that deep
     */
    public static CoRunnable body(int depth) {
        if (depth == 1) {
            return YieldBench::counter;
        }
        int below = depth - 1;
        return () -> frame(below);
    }

    /** Creates the generators, not started. */
    @Setup
    public void setup() {
        generator = Generator.of(body(depth));
        floor = new RewindFrames(depth);
        kilim = new KilimChain(depth);
    }

    /** @return the next value of a jcoro generator yielding {@code depth} frames deep */
    @Benchmark
    public Integer jcoro() {
        return generator.next();
    }

    /** @return the next value of a Kilim 2.0.2 generator yielding {@code depth} frames deep */
    @Benchmark
    public Integer kilim() {
        return kilim.next();
    }

    /** @return the next value of the hand-written rewinding frames */
    @Benchmark
    public Integer floor() {
        return floor.next();
    }
}
