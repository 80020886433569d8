package io.jcoro.tests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without the opt-in closing Cleaner, a suspended generator that is dropped is ordinary garbage:
 * nothing in jcoro keeps it, its saved frames or what they hold (the thread's carrier keeps only
 * the last generator that ran on it, until another one runs). A million of them come and go and
 * the heap returns to where it was.
 */
class AbandonedGeneratorsTest {
    /** Generous: a leak of a million suspended generators would be hundreds of megabytes. */
    private static final long TOLERANCE = 64L * 1024 * 1024;

    @Coroutine
    static void holds(Object payload, long a, double b) {
        String s = "held " + a;
        Co.yield(s);
        Co.yield(payload.hashCode() + a + b); // payload, a, b and s are live across the first yield
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Runs a generator to the end: the carrier then forgets the last abandoned one. */
    private static void runAnother() {
        Generator<Object> g = Generator.returning(() -> Co.yield("x"));
        g.forEachRemaining(x -> { });
    }

    private static void abandon(int count) {
        for (int i = 0; i < count; i++) {
            Generator<Object> g = Generator.of(() -> holds(new byte[64], 42, 0.5));
            g.next(); // suspended with its frames saved, then dropped
        }
    }

    @Test
    void aMillionAbandonedGeneratorsLeaveTheHeapWhereItWas() {
        abandon(10_000); // warm up: classes, JIT, the carrier's arrays
        runAnother();
        long before = usedAfterGc();
        abandon(1_000_000);
        runAnother();
        long after = usedAfterGc();
        System.out.printf("heap after GC: %d KB before, %d KB after a million abandoned generators%n",
                before / 1024, after / 1024);
        assertTrue(after - before < TOLERANCE, "heap grew by " + (after - before) / 1024 + " KB");
    }

    @Test
    void whatASuspendedFrameHoldsIsCollectedWithTheGenerator() {
        List<WeakReference<Object>> payloads = new ArrayList<>();
        List<WeakReference<Generator<Object>>> generators = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Object payload = new Object();
            payloads.add(new WeakReference<>(payload));
            Generator<Object> g = Generator.of(() -> holds(payload, 1, 2));
            g.next();
            generators.add(new WeakReference<>(g));
        }
        runAnother();
        usedAfterGc();
        long alive = payloads.stream().filter(w -> w.get() != null).count()
                + generators.stream().filter(w -> w.get() != null).count();
        assertEquals(0, alive, "nothing keeps an abandoned generator or its frames");
    }

    /** Suspends a generator holding a new object, drops both, and returns a weak reference to it. */
    private static WeakReference<Object> suspendAndDrop() {
        Object payload = new Object();
        Generator<Object> g = Generator.of(() -> holds(payload, 1, 2));
        g.next();
        return new WeakReference<>(payload);
    }

    @Test
    void theCarrierKeepsOnlyTheLastGeneratorUntilAnotherRuns() {
        WeakReference<Object> ref = suspendAndDrop();
        runAnother();
        usedAfterGc();
        assertNull(ref.get());
    }
}
