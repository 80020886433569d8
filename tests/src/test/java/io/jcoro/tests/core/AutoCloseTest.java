package io.jcoro.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorState;
import io.jcoro.core.StopIteration;
import io.jcoro.tests.Drain;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Python closes a generator it collects; jcoro does it when asked, on a cleaner thread. */
class AutoCloseTest {

    /** Runs a throwaway generator so this thread's carrier stops referring to the last one. */
    private static void runAnotherGenerator() {
        Drain.all(Generator.returning(() -> Co.yield("other")));
    }

    @Test
    void anUnreachableAutoClosingGeneratorIsClosedOnAnotherThread() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Thread> closer = new AtomicReference<>();
        Generator<Integer> g = Generator.autoClosingReturning(() -> {
            try {
                for (int i = 0; ; i++) {
                    Co.yield(i);
                }
            } finally {
                closer.set(Thread.currentThread());
                closed.countDown();
            }
        });
        assertEquals(0, g.next());
        assertEquals(1, g.next());
        g = null;
        runAnotherGenerator();
        for (int i = 0; i < 100 && closed.getCount() > 0; i++) {
            System.gc();
            closed.await(100, TimeUnit.MILLISECONDS);
        }
        assertEquals(0, closed.getCount(), "the finally block ran");
        assertNotEquals(Thread.currentThread(), closer.get());
    }

    @Test
    void withoutItAnAbandonedGeneratorIsCollectedAndItsFinallyNeverRuns() throws Exception {
        List<String> log = new ArrayList<>();
        byte[][] payload = {new byte[1 << 20]};
        Generator<Integer> g = Generator.of(() -> {
            try {
                byte[] held = payload[0];
                Co.yield(held.length);
                Co.yield(held.length);
            } finally {
                log.add("finally");
            }
        });
        assertEquals(1 << 20, g.next());
        WeakReference<Generator<Integer>> generator = new WeakReference<>(g);
        WeakReference<byte[]> held = new WeakReference<>(payload[0]);
        g = null;
        payload[0] = null;
        runAnotherGenerator();
        for (int i = 0; i < 50 && (generator.get() != null || held.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(generator.get(), "the generator was collected");
        assertNull(held.get(), "and so was what its suspended frames held");
        assertTrue(log.isEmpty());
    }

    @Test
    void anAutoClosingGeneratorKeepsThePythonProtocol() {
        List<String> log = new ArrayList<>();
        Generator<String> g = Generator.autoClosingReturning(() -> {
            try {
                String got = Co.yield("first");
                log.add("got " + got);
                try {
                    Co.yield("second");
                } catch (IllegalStateException e) {
                    log.add("caught " + e.getMessage());
                    Co.yield("recovered");
                }
                return "result";
            } finally {
                log.add("finally");
            }
        });
        assertEquals(GeneratorState.CREATED, g.state());
        assertThrows(IllegalArgumentException.class, () -> g.send("too early"));
        assertEquals("first", g.next());
        assertEquals("second", g.send("x"));
        assertEquals(1, g.suspendedFrames().size());
        assertEquals("recovered", g.throwIn(new IllegalStateException("boom")));
        StopIteration stop = assertThrows(StopIteration.class, g::next);
        assertEquals("result", stop.value());
        assertEquals("result", g.returnValue());
        assertEquals(List.of("got x", "caught boom", "finally"), log);
        assertTrue(g.isDone());

        Generator<String> closing = Generator.autoClosing(() -> {
            try {
                Co.yield("a");
            } finally {
                log.add("closed explicitly");
            }
        });
        closing.next();
        closing.close();
        assertTrue(log.contains("closed explicitly"));
        assertThrows(StopIteration.class, closing::next);

        RuntimeException boom = new RuntimeException("fails");
        Generator<String> failing = Generator.autoClosingReturning(() -> {
            Co.yield("a");
            throw boom;
        });
        failing.next();
        assertEquals(boom, assertThrows(RuntimeException.class, failing::next));
        assertTrue(failing.isDone());
    }
}
