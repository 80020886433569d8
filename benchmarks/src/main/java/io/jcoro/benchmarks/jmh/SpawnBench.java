package io.jcoro.benchmarks.jmh;

import io.jcoro.benchmarks.YieldedValues;
import io.jcoro.benchmarks.floor.OnceIterator;
import io.jcoro.benchmarks.kilim.KilimOnce;
import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * B4: create a generator and run it to completion, where it yields once: Python's
 * {@code for x in once(): pass}. One op is the creation, the yield and the end.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpawnBench {
    /** The body: one yield. */
    @Coroutine
    static void once() {
        Co.yield(YieldedValues.box(1));
    }

    /** @return the one value of a new jcoro generator, iterated to its end */
    @Benchmark
    public Object jcoro() {
        Object last = null;
        for (Object v : Generator.of(SpawnBench::once)) {
            last = v;
        }
        return last;
    }

    /** @return the one value of a new Kilim 2.0.2 generator, iterated to its end */
    @Benchmark
    public Object kilim() {
        Object last = null;
        for (Integer v : new KilimOnce()) {
            last = v;
        }
        return last;
    }

    /** @return the one value of a new hand-written state machine, iterated to its end */
    @Benchmark
    public Object floor() {
        Object last = null;
        Iterator<Integer> it = new OnceIterator();
        while (it.hasNext()) {
            last = it.next();
        }
        return last;
    }
}
