package io.jcoro.tests.primitive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.GeneratorExit;
import io.jcoro.core.GeneratorState;
import io.jcoro.core.StopIteration;
import io.jcoro.primitive.DoubleGenerator;
import io.jcoro.primitive.IntGenerator;
import io.jcoro.primitive.LongGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The primitive generators: values, the iterator and stream faces, Python's protocol value by
 * value, and the hand-off of the value (peeks, nesting, threads).
 */
class PrimitiveGeneratorTest {

    @Coroutine
    static void countdown(int n) {
        while (n > 0) {
            IntGenerator.yield(n--);
        }
    }

    /** Yields 0..n-1, logging what the generator protocol does to it. */
    @Coroutine
    static void logged(List<String> log, int n) {
        try {
            for (int i = 0; i < n; i++) {
                Object sent = IntGenerator.yield(i);
                log.add("sent " + sent);
            }
        } finally {
            log.add("finally");
        }
    }

    @Test
    void yieldsIntsInOrderThenStops() {
        IntGenerator g = IntGenerator.of(() -> countdown(3));
        assertEquals(GeneratorState.CREATED, g.state());
        assertEquals(3, g.nextInt());
        assertEquals(2, g.nextInt());
        assertEquals(1, g.nextInt());
        assertThrows(StopIteration.class, g::nextInt);
        assertTrue(g.isDone());
        assertFalse(g.hasNext());
    }

    @Test
    void isAPrimitiveIteratorAndAnIntStream() {
        PrimitiveIterator.OfInt it = IntGenerator.of(() -> countdown(4));
        List<Integer> seen = new ArrayList<>();
        it.forEachRemaining((int v) -> seen.add(v));
        assertEquals(List.of(4, 3, 2, 1), seen);
        assertEquals(5050, IntGenerator.of(() -> countdown(100)).stream().sum());
        assertArrayEquals(new int[] {10, 9}, IntGenerator.of(() -> countdown(10)).stream().limit(2).toArray());
    }

    @Test
    void longsAndDoublesKeepEveryBit() {
        LongGenerator longs = LongGenerator.of(() -> {
            LongGenerator.yield(Long.MIN_VALUE);
            LongGenerator.yield(-1L);
            LongGenerator.yield(1L << 40);
        });
        assertArrayEquals(new long[] {Long.MIN_VALUE, -1L, 1L << 40}, longs.stream().toArray());
        DoubleGenerator doubles = DoubleGenerator.of(() -> {
            DoubleGenerator.yield(-0.0);
            DoubleGenerator.yield(Double.NaN);
            DoubleGenerator.yield(0.1);
        });
        double[] d = doubles.stream().toArray();
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(d[0]));
        assertTrue(Double.isNaN(d[1]));
        assertEquals(0.1, d[2]);
        assertEquals(1.75, DoubleGenerator.of(() -> {
            for (double x = 1; x > 0; x /= 2) {
                DoubleGenerator.yield(x);
            }
        }).stream().limit(3).sum());
    }

    @Test
    void aPeekedValueSurvivesAnotherGeneratorYieldingOnTheSameThread() {
        IntGenerator a = IntGenerator.of(() -> countdown(3));
        IntGenerator b = IntGenerator.of(() -> {
            for (int i = 100; i < 103; i++) {
                IntGenerator.yield(i);
            }
        });
        List<Integer> pairs = new ArrayList<>();
        while (a.hasNext() && b.hasNext()) {   // both peek before either is taken
            pairs.add(a.nextInt());
            pairs.add(b.nextInt());
        }
        assertEquals(List.of(3, 100, 2, 101, 1, 102), pairs);
    }

    @Test
    void aBodyMayDriveAnotherIntGenerator() {
        IntGenerator doubled = IntGenerator.of(() -> {
            IntGenerator inner = IntGenerator.of(() -> countdown(3));
            while (inner.hasNext()) {
                int v = inner.nextInt();
                IntGenerator.yield(2 * v);
            }
        });
        assertArrayEquals(new int[] {6, 4, 2}, doubled.stream().toArray());
    }

    @Test
    void yieldFromDelegatesAndReturnsTheSubsResult() {
        IntGenerator sub = IntGenerator.returning(() -> {
            countdown(2);
            return "sub done";
        });
        assertTrue(sub.hasNext());           // a peeked value is not lost by the delegation
        List<Object> results = new ArrayList<>();
        IntGenerator outer = IntGenerator.of(() -> {
            IntGenerator.yield(10);
            results.add(IntGenerator.yieldFrom(sub));
            IntGenerator.yield(20);
        });
        assertArrayEquals(new int[] {10, 2, 1, 20}, outer.stream().toArray());
        assertEquals(List.of("sub done"), results);
    }

    @Test
    void sendThrowInAndCloseFollowThePythonProtocol() {
        List<String> log = new ArrayList<>();
        IntGenerator g = IntGenerator.of(() -> logged(log, 10));
        assertThrows(IllegalArgumentException.class, () -> g.send("x"));   // not started yet
        assertEquals(0, g.nextInt());
        assertEquals(1, g.send("hello"));
        assertEquals(List.of("sent hello"), log);
        assertTrue(g.hasNext());
        assertThrows(IllegalStateException.class, () -> g.send("lost?"));   // take the peeked value first
        assertEquals(2, g.nextInt());
        IllegalArgumentException thrown = new IllegalArgumentException("boom");
        assertEquals(thrown, assertThrows(IllegalArgumentException.class, () -> g.throwIn(thrown)));
        assertEquals(List.of("sent hello", "sent null", "finally"), log);
        assertTrue(g.isDone());

        List<String> log2 = new ArrayList<>();
        IntGenerator h = IntGenerator.of(() -> logged(log2, 10));
        h.nextInt();
        h.close();
        assertEquals(List.of("finally"), log2);
        assertEquals(GeneratorState.CLOSED, h.state());
    }

    @Test
    void throwInCaughtByTheBodyReturnsTheNextValue() {
        IntGenerator g = IntGenerator.of(() -> {
            try {
                IntGenerator.yield(1);
            } catch (IllegalStateException e) {
                IntGenerator.yield(-1);
            }
        });
        assertEquals(1, g.nextInt());
        assertEquals(-1, g.throwIn(new IllegalStateException("in")));
        assertThrows(StopIteration.class, g::nextInt);
    }

    @Test
    void closeRaisesGeneratorExitAtTheYield() {
        List<String> log = new ArrayList<>();
        LongGenerator g = LongGenerator.of(() -> {
            try {
                LongGenerator.yield(7L);
            } catch (GeneratorExit e) {
                log.add("exit");
                throw e;
            }
        });
        assertEquals(7L, g.nextLong());
        g.close();
        assertEquals(List.of("exit"), log);
    }

    @Test
    void anObjectOrAnotherPrimitiveYieldedIsRefusedWithItsPlace() {
        IntGenerator objects = IntGenerator.of(() -> {
            Co.yield("text");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, objects::nextInt);
        assertTrue(e.getMessage().startsWith("IntGenerator: the body yielded the object text (Co.yield), at "),
                e.getMessage());
        assertTrue(e.getMessage().contains("PrimitiveGeneratorTest"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; this generator's body yields with IntGenerator.yield(int)"),
                e.getMessage());
        objects.close();

        IntGenerator longs = IntGenerator.of(() -> LongGenerator.yield(1L));
        IllegalStateException e2 = assertThrows(IllegalStateException.class, longs::nextInt);
        assertTrue(e2.getMessage().startsWith("IntGenerator: the body yielded with LongGenerator.yield(long)"),
                e2.getMessage());
    }

    @Test
    void aReentrantAdvanceIsRefusedAndLeavesTheGeneratorIntact() {
        IntGenerator[] self = new IntGenerator[1];
        List<String> caught = new ArrayList<>();
        self[0] = IntGenerator.of(() -> {
            try {
                self[0].nextInt();
            } catch (IllegalStateException e) {
                caught.add(e.getMessage());
            }
            IntGenerator.yield(5);
        });
        assertEquals(5, self[0].nextInt());
        assertEquals(List.of("generator already executing"), caught);
    }

    @Test
    void threadsRunningIntGeneratorsAtOnceEachSeeTheirOwnValues() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> sums = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 1_000_000;
                sums.add(pool.submit(() -> IntGenerator.of(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        IntGenerator.yield(base + i);
                    }
                }).stream().asLongStream().sum()));
            }
            for (int t = 0; t < 4; t++) {
                long expected = 20_000L * t * 1_000_000 + 20_000L * 19_999 / 2;
                assertEquals(expected, sums.get(t).get(60, TimeUnit.SECONDS), "thread " + t);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void returningKeepsTheReturnValue() {
        IntGenerator g = IntGenerator.returning(() -> {
            IntGenerator.yield(1);
            return 42;
        });
        assertNull(g.returnValue());
        assertEquals(1, g.nextInt());
        StopIteration stop = assertThrows(StopIteration.class, g::nextInt);
        assertEquals(42, stop.value());
        assertEquals(42, g.returnValue());
        assertEquals("IntGenerator[CLOSED]", g.toString());
    }
}
