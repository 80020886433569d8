package io.jcoro.tests.primitive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.NotInstrumentedException;
import io.jcoro.core.PrimitiveYield;
import io.jcoro.primitive.DoubleGenerator;
import io.jcoro.primitive.IntGenerator;
import io.jcoro.primitive.LongGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The primitive yields as intrinsics: the call is replaced in the calling coroutine, so no frame
 * of {@code yield} is ever suspended, at any depth; what is live around the call survives; the
 * value travels in the generator (across threads, through {@code yieldFrom}); and the yield's
 * misuses name the calling frame, as {@code Co.yield}'s do.
 */
class PrimitiveYieldIntrinsicTest {

    /** Recurses {@code depth} coroutine calls deep, then yields from the innermost one. */
    @Coroutine
    static void deep(int depth, int n) {
        if (depth > 1) {
            deep(depth - 1, n);
            return;
        }
        leaf(n);
    }

    @Coroutine
    static void leaf(int n) {
        for (int i = 0; i < n; i++) {
            IntGenerator.yield(i);
        }
    }

    @Test
    void noFrameOfTheYieldIsSuspendedAtDepthOne() {
        IntGenerator g = IntGenerator.of(() -> leaf(3));
        assertEquals(0, g.nextInt());
        List<StackTraceElement> frames = g.suspendedFrames();
        assertEquals("leaf", frames.get(0).getMethodName(), frames.toString());
        assertEquals(PrimitiveYieldIntrinsicTest.class.getName(), frames.get(0).getClassName());
        assertEquals(2, frames.size(), "leaf and the lambda body: " + frames);
        assertArrayEquals(new int[] {1, 2}, g.stream().toArray());
    }

    @Test
    void aYieldFromANestedCoroutineCallSuspendsOnlyTheCallersFrames() {
        IntGenerator g = IntGenerator.of(() -> deep(6, 4));
        assertEquals(0, g.nextInt());
        List<StackTraceElement> frames = g.suspendedFrames();
        assertEquals(1 + 6 + 1, frames.size(), "leaf, six deep() frames, the lambda: " + frames);
        assertEquals("leaf", frames.get(0).getMethodName());
        for (StackTraceElement f : frames) {
            assertFalse(f.getClassName().startsWith("io.jcoro.primitive"), frames.toString());
        }
        assertArrayEquals(new int[] {1, 2, 3}, g.stream().toArray());
    }

    @Coroutine
    static void longsWithLiveState(List<Object> sent, long start) {
        double scale = 0.5;
        String tag = "t";
        for (long v = start; v < start + 3; v++) {
            // The list stays on the operand stack under the long argument of the yield.
            sent.add(LongGenerator.yield(v * 1_000_000_000_000L));
            tag = tag + v;
            scale *= 2;
        }
        sent.add(tag + " " + scale);
    }

    @Test
    void localsAndTheOperandStackSurviveAPrimitiveYield() {
        List<Object> sent = new ArrayList<>();
        LongGenerator g = LongGenerator.of(() -> longsWithLiveState(sent, 7));
        assertEquals(7_000_000_000_000L, g.nextLong());
        assertEquals(8_000_000_000_000L, g.send("a"));
        assertEquals(9_000_000_000_000L, g.send("b"));
        assertFalse(g.hasNext());
        assertEquals(List.of("a", "b", "null", "t789 4.0"), stringsOf(sent));
    }

    private static List<String> stringsOf(List<Object> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }

    @Coroutine
    static void halves(int n) {
        double x = 1;
        for (int i = 0; i < n; i++) {
            DoubleGenerator.yield(x);
            x /= 2;
        }
    }

    @Test
    void theThreeKindsFromNestedCallsAndLambdas() {
        assertArrayEquals(new int[] {0, 1, 2}, IntGenerator.of(() -> deep(3, 3)).stream().toArray());
        assertEquals(1.875, DoubleGenerator.of(() -> halves(4)).stream().sum());
        assertArrayEquals(new long[] {Long.MAX_VALUE, Long.MIN_VALUE}, LongGenerator.of(() -> {
            LongGenerator.yield(Long.MAX_VALUE);
            LongGenerator.yield(Long.MIN_VALUE);
        }).stream().toArray());
        double[] d = DoubleGenerator.of(() -> {
            DoubleGenerator.yield(Double.NEGATIVE_INFINITY);
            DoubleGenerator.yield(Double.longBitsToDouble(0x7ff8_0000_0000_0001L)); // a NaN's payload
        }).stream().toArray();
        assertEquals(Double.NEGATIVE_INFINITY, d[0]);
        assertEquals(0x7ff8_0000_0000_0001L, Double.doubleToRawLongBits(d[1]));
    }

    @Test
    void aWrongYieldFetchedByHasNextIsRefusedWithItsPlace() {
        IntGenerator g = IntGenerator.of(() -> halves(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, g::hasNext);
        assertTrue(e.getMessage().startsWith("IntGenerator: the body yielded with DoubleGenerator.yield(double), at "
                + PrimitiveYieldIntrinsicTest.class.getName() + ".halves("), e.getMessage());
        assertTrue(e.getMessage().endsWith("; this generator's body yields with IntGenerator.yield(int)"),
                e.getMessage());
        g.close();
        assertTrue(g.isDone());

        DoubleGenerator h = DoubleGenerator.of(() -> deep(2, 1));
        IllegalStateException e2 = assertThrows(IllegalStateException.class, h::nextDouble);
        assertTrue(e2.getMessage().startsWith("DoubleGenerator: the body yielded with IntGenerator.yield(int), at "
                + PrimitiveYieldIntrinsicTest.class.getName() + ".leaf("), e2.getMessage());
    }

    @Test
    void aPlainGeneratorHandsOutTheKindOfAPrimitiveYield() {
        Generator<Object> g = Generator.of(() -> {
            IntGenerator.yield(1);
            LongGenerator.yield(2L);
            DoubleGenerator.yield(3.0);
        });
        assertSame(PrimitiveYield.INT, g.next());
        assertSame(PrimitiveYield.LONG, g.next());
        assertSame(PrimitiveYield.DOUBLE, g.next());
        assertEquals("DoubleGenerator.yield(double)", PrimitiveYield.DOUBLE.toString());
        assertFalse(g.hasNext());
    }

    @Coroutine
    static Object intOutside() {
        return IntGenerator.yield(1);
    }

    @Coroutine
    static Object longOutside() {
        return LongGenerator.yield(1L);
    }

    @Coroutine
    static Object doubleOutside() {
        return DoubleGenerator.yield(1.0);
    }

    @Test
    void instrumentedCodeOutsideAnyGeneratorThrowsAsCoYieldDoes() {
        String at = " called outside any generator, at " + PrimitiveYieldIntrinsicTest.class.getName() + ".";
        IllegalStateException i = assertThrows(IllegalStateException.class, PrimitiveYieldIntrinsicTest::intOutside);
        assertEquals(IllegalStateException.class, i.getClass(), "instrumented: not NotInstrumentedException");
        assertTrue(i.getMessage().startsWith("IntGenerator.yield" + at + "intOutside(PrimitiveYieldIntrinsicTest.java:"),
                i.getMessage());
        IllegalStateException l = assertThrows(IllegalStateException.class, PrimitiveYieldIntrinsicTest::longOutside);
        assertTrue(l.getMessage().startsWith("LongGenerator.yield" + at + "longOutside("), l.getMessage());
        IllegalStateException d = assertThrows(IllegalStateException.class, PrimitiveYieldIntrinsicTest::doubleOutside);
        assertTrue(d.getMessage().startsWith("DoubleGenerator.yield" + at + "doubleOutside("), d.getMessage());
    }

    /** Not a coroutine: the agent leaves it alone, so the real {@code IntGenerator.yield} runs. */
    static void plainYield() {
        IntGenerator.yield(1);
    }

    @Test
    void uninstrumentedCodeThrowsNotInstrumentedExceptionNamingTheCaller() {
        NotInstrumentedException outside = assertThrows(NotInstrumentedException.class,
                PrimitiveYieldIntrinsicTest::plainYield);
        assertTrue(outside.getMessage().startsWith("IntGenerator.yield called outside any generator, from "
                + PrimitiveYieldIntrinsicTest.class.getName() + ".plainYield(PrimitiveYieldIntrinsicTest.java:"),
                outside.getMessage());
        assertTrue(outside.getMessage().endsWith("which is not instrumented either."), outside.getMessage());

        IntGenerator g = IntGenerator.of(() -> plainYield());
        NotInstrumentedException inside = assertThrows(NotInstrumentedException.class, g::nextInt);
        assertTrue(inside.getMessage().startsWith("IntGenerator.yield called from "
                + PrimitiveYieldIntrinsicTest.class.getName() + ".plainYield(PrimitiveYieldIntrinsicTest.java:"),
                inside.getMessage());
        assertTrue(inside.getMessage().contains("which is not a coroutine"), inside.getMessage());
        assertTrue(g.isDone());
    }

    @Test
    void yieldFromChainsHandTheValuesOnAndCarrySends() {
        List<Object> sent = new ArrayList<>();
        LongGenerator innermost = LongGenerator.returning(() -> {
            sent.add(LongGenerator.yield(1L));
            sent.add(LongGenerator.yield(2L));
            return "inner";
        });
        LongGenerator middle = LongGenerator.returning(() -> {
            LongGenerator.yield(0L);
            Object r = LongGenerator.yieldFrom(innermost);
            LongGenerator.yield(3L);
            return r + "+middle";
        });
        List<Object> results = new ArrayList<>();
        LongGenerator outer = LongGenerator.of(() -> results.add(LongGenerator.yieldFrom(middle)));
        assertEquals(0L, outer.nextLong());
        assertEquals(1L, outer.nextLong());
        assertTrue(outer.hasNext());
        assertEquals(2L, outer.nextLong());
        assertEquals(3L, outer.send("to innermost"));
        assertFalse(outer.hasNext());
        assertEquals(List.of("null", "to innermost"), stringsOf(sent));
        assertEquals(List.of("inner+middle"), results);
    }

    @Test
    void aPeekedSubValueComesFirstThroughYieldFrom() {
        DoubleGenerator sub = DoubleGenerator.of(() -> halves(3));
        assertTrue(sub.hasNext());
        DoubleGenerator outer = DoubleGenerator.of(() -> {
            DoubleGenerator.yieldFrom(sub);
            DoubleGenerator.yield(-1);
        });
        assertArrayEquals(new double[] {1, 0.5, 0.25, -1}, outer.stream().toArray());
    }

    @Test
    void aGeneratorAdvancedFromThreadsInTurnKeepsItsValues() throws Exception {
        IntGenerator g = IntGenerator.of(() -> leaf(1000));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Integer> seen = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                // each step on another thread, one at a time; a hasNext on one thread, the value on the other
                boolean peek = i % 3 == 0;
                if (peek) {
                    assertTrue(pool.submit(g::hasNext).get(30, TimeUnit.SECONDS));
                }
                seen.add(pool.submit(g::nextInt).get(30, TimeUnit.SECONDS));
            }
            for (int i = 0; i < 1000; i++) {
                assertEquals(i, seen.get(i));
            }
            assertFalse(g.hasNext());
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
