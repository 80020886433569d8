package io.jcoro.benchmarks.jmh;

import io.jcoro.benchmarks.YieldedValues;
import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.primitive.IntGenerator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P1: B1's round trip when the values are ints made as the body goes ({@code i++}), not
 * preallocated boxes: an {@link IntGenerator} (no boxing), a {@code Generator<Integer>} that
 * boxes each value ({@code Co.yield(i++)}, 16 B per value past the small-integer cache), and
 * B1's generator of preallocated boxes for reference. One op is one value.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PrimitiveYieldBench {
    private IntGenerator ints;
    private Generator<Integer> boxing;
    private Generator<Integer> preallocated;

    /** Yields 0, 1, 2, ... as ints, for ever (wrapping). */
    @Coroutine
    static void intCounter() {
        int i = 0;
        while (true) {
            IntGenerator.yield(i++);
        }
    }

    /** Yields 0, 1, 2, ... boxed, for ever (wrapping): most values are new {@code Integer}s. */
    @Coroutine
    static void boxingCounter() {
        int i = 0;
        while (true) {
            Co.yield(i++);
        }
    }

    /** Creates the generators, not started. */
    @Setup
    public void setup() {
        ints = IntGenerator.of(PrimitiveYieldBench::intCounter);
        boxing = Generator.of(PrimitiveYieldBench::boxingCounter);
        preallocated = Generator.of(YieldBench::counter);
    }

    /** @return the next int of an {@link IntGenerator} */
    @Benchmark
    public int intGenerator() {
        return ints.nextInt();
    }

    /** @return the next value of a {@code Generator<Integer>} that boxes it */
    @Benchmark
    public Integer boxing() {
        return boxing.next();
    }

    /** @return the next preallocated box of B1's generator */
    @Benchmark
    public Integer preallocatedBoxes() {
        return preallocated.next();
    }
}
