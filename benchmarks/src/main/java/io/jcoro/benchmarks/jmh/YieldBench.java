package io.jcoro.benchmarks.jmh;

import io.jcoro.benchmarks.YieldedValues;
import io.jcoro.benchmarks.floor.CountingIterator;
import io.jcoro.benchmarks.floor.GuardedCountingIterator;
import io.jcoro.benchmarks.kilim.KilimCounter;
import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * B1: one resume to yield round trip of a generator that yields an incrementing int from its
 * top-level body (depth 1). One op is one {@code next()}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class YieldBench {
    private Generator<Integer> generator;
    private CountingIterator floor;
    private GuardedCountingIterator guardedFloor;
    private KilimCounter kilim;

    /** The generator's body: yields 0, 1, 2, ... (as preallocated boxes) for ever. */
    @Coroutine
    static void counter() {
        int i = 0;
        while (true) {
            Co.yield(YieldedValues.box(i));
            i++;
        }
    }

    /** Creates the generators, not started. */
    @Setup
    public void setup() {
        generator = Generator.of(YieldBench::counter);
        floor = new CountingIterator();
        guardedFloor = new GuardedCountingIterator();
        kilim = new KilimCounter();
    }

    /** @return the next value of a jcoro generator */
    @Benchmark
    public Integer jcoro() {
        return generator.next();
    }

    /** @return the next value of the hand-written state machine */
    @Benchmark
    public Integer floor() {
        return floor.next();
    }

    /** @return the next value of a Kilim 2.0.2 generator (woven at build time) */
    @Benchmark
    public Integer kilim() {
        return kilim.next();
    }

    /**
     * A diagnostic: the floor plus a generator's compare-and-set state guard.
     *
     * @return the next value of the guarded hand-written state machine
     */
    @Benchmark
    public Integer guardedFloor() {
        return guardedFloor.next();
    }
}
