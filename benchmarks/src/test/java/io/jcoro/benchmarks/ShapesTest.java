package io.jcoro.benchmarks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jcoro.benchmarks.floor.CountingIterator;
import io.jcoro.benchmarks.floor.GrepHandler;
import io.jcoro.benchmarks.floor.GuardedCountingIterator;
import io.jcoro.benchmarks.floor.NullSink;
import io.jcoro.benchmarks.floor.RewindFrames;
import io.jcoro.benchmarks.jmh.DepthBench;
import io.jcoro.benchmarks.jmh.GrepBench;
import io.jcoro.benchmarks.jmh.SpawnBench;
import io.jcoro.benchmarks.jmh.TaskSwitchBench;
import io.jcoro.benchmarks.jmh.YieldBench;
import io.jcoro.benchmarks.kilim.KilimChain;
import io.jcoro.core.Generator;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmarks measure what they claim: every column of a shape yields the same values, and
 * the hand-written floors behave as the generators they stand for. (No timing here: CI builds
 * the benchmarks but never runs them.)
 */
class ShapesTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 100})
    void jcoroAndTheRewindFloorYieldTheSameBoxesAtEveryDepth(int depth) {
        Generator<Integer> jcoro = Generator.of(DepthBench.body(depth));
        RewindFrames floor = new RewindFrames(depth);
        KilimChain kilim = new KilimChain(depth);
        for (int i = 0; i < 2 * YieldedValues.COUNT + 5; i++) {
            Integer expected = YieldedValues.box(i);
            assertSame(expected, jcoro.next(), "jcoro at depth " + depth + ", value " + i);
            assertSame(expected, floor.next(), "floor at depth " + depth + ", value " + i);
            assertSame(expected, kilim.next(), "Kilim at depth " + depth + ", value " + i);
        }
        assertEquals(depth, jcoro.suspendedFrames().size(), "frames on the suspended stack");
    }

    @Test
    void theBenchmarkMethodsOfB1CountUp() {
        YieldBench b = new YieldBench();
        b.setup();
        CountingIterator floor = new CountingIterator();
        GuardedCountingIterator guarded = new GuardedCountingIterator();
        for (int i = 0; i < 3000; i++) {
            assertSame(YieldedValues.box(i), b.jcoro());
            assertSame(YieldedValues.box(i), b.floor());
            assertSame(YieldedValues.box(i), b.guardedFloor());
            assertSame(YieldedValues.box(i), b.kilim());
            assertSame(YieldedValues.box(i), floor.next());
            assertSame(YieldedValues.box(i), guarded.next());
        }
    }

    @Test
    void aSpawnYieldsOnceThenEnds() {
        SpawnBench b = new SpawnBench();
        assertSame(YieldedValues.box(1), b.jcoro());
        assertSame(YieldedValues.box(1), b.floor());
        assertSame(YieldedValues.box(1), b.kilim());
    }

    @Test
    void theKilimGeneratorsAreWovenByTheBuild() {
        // Unwoven, Kilim's yield throws: the Kilim column would not measure a generator.
        for (Class<?> c : new Class<?>[] {kilim.Generator.class, KilimChain.class,
                io.jcoro.benchmarks.kilim.KilimCounter.class, io.jcoro.benchmarks.kilim.KilimOnce.class}) {
            assertDoesNotThrow(() -> c.getField("$isWoven"), c + " woven by Kilim");
        }
    }

    @Test
    void theIntGeneratorAndTheBoxingGeneratorCountAlike() {
        io.jcoro.benchmarks.jmh.PrimitiveYieldBench b = new io.jcoro.benchmarks.jmh.PrimitiveYieldBench();
        b.setup();
        for (int i = 0; i < 3000; i++) {
            assertEquals(i, b.intGenerator());
            assertEquals(i, b.boxing());
            assertSame(YieldedValues.box(i), b.preallocatedBoxes());
        }
    }

    @Test
    void aKilimChainBelowDepthOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KilimChain(0));
    }

    @Test
    void theGrepPipelinesForwardMatchingLinesOnly() {
        NullSink sink = new NullSink();
        GrepHandler objects = new GrepHandler("python", sink);
        objects.send("python is nice");
        objects.send("java is too");
        assertEquals(1, sink.received());

        GrepBench b = new GrepBench();
        b.setup();
        for (int i = 0; i < 1000; i++) {
            b.jcoro();
            b.floor();
        }
        b.tearDown();
    }

    @Test
    void theTaskSwitchFloorMakesExactlyTheSwitchesItClaims() {
        TaskSwitchBench b = new TaskSwitchBench();
        b.setup();
        assertEquals(TaskSwitchBench.SWITCHES, b.floor());
        b.jcoro();
        b.jcoro();                      // the scheduler runs again once its tasks have ended
        b.tearDown();
    }

    @Test
    void aDepthBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RewindFrames(0));
    }

    @Test
    void theIteratorsNeverEnd() {
        Iterator<Integer> it = new RewindFrames(5);
        it.next();
        assertEquals(true, it.hasNext());
    }
}
