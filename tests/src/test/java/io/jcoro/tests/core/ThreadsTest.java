package io.jcoro.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorState;
import io.jcoro.core.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Generators move between threads one at a time; a second concurrent resume is refused. */
class ThreadsTest {

    @Coroutine
    static void counter(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += i;
            Co.yield(sum);
        }
    }

    @Test
    void resumedFromADifferentThreadEachTime() throws Exception {
        Generator<Long> g = Generator.of(() -> counter(200));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Long> seen = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                seen.add(pool.submit(g::next).get(10, TimeUnit.SECONDS));
            }
            long expected = 0;
            for (int i = 0; i < 200; i++) {
                expected += i;
                assertEquals(expected, seen.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reentrantResumeIsRefused() {
        List<Generator<?>> self = new ArrayList<>();
        AtomicReference<String> message = new AtomicReference<>();
        Generator<String> g = Generator.of(() -> {
            try {
                self.get(0).next();
            } catch (IllegalStateException e) {
                message.set(e.getMessage());
            }
            Co.yield("still fine");
        });
        self.add(g);
        assertEquals("still fine", g.next());
        assertEquals("generator already executing", message.get());
        assertEquals(GeneratorState.SUSPENDED, g.state());
    }

    @Test
    void concurrentResumeFromAnotherThreadIsRefusedWithoutCorruption() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Generator<Integer> g = Generator.returning(() -> {
            for (int i = 0; ; i++) {
                if (i == 1) {
                    inside.countDown();
                    await(release);
                }
                Co.yield(i);
            }
        });
        assertEquals(0, g.next());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> first = pool.submit(g::next);
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            IllegalStateException e = assertThrows(IllegalStateException.class, g::next);
            assertEquals("generator already executing", e.getMessage());
            assertThrows(IllegalStateException.class, g::close);
            assertEquals(GeneratorState.RUNNING, g.state());
            release.countDown();
            assertEquals(1, first.get(10, TimeUnit.SECONDS));
            assertEquals(2, g.next(), "intact after the refused resume");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoThreadsHammeringOneSinkNeverCorruptIt() throws Exception {
        // The course's cocrash.py, as a stress: two threads send into one consumer at once.
        AtomicInteger received = new AtomicInteger();
        Sink<Integer> printer = Sink.of(() -> {
            while (true) {
                Integer item = Co.receive();
                assertNotNull(item);
                received.incrementAndGet();
            }
        });
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        Runnable sender = () -> {
            for (int i = 0; i < 20_000; i++) {
                try {
                    printer.send(i);
                    delivered.incrementAndGet();
                } catch (IllegalStateException e) {
                    assertEquals("generator already executing", e.getMessage());
                    refused.incrementAndGet();
                }
            }
        };
        Thread a = new Thread(sender);
        Thread b = new Thread(sender);
        a.start();
        b.start();
        a.join(60_000);
        b.join(60_000);
        assertEquals(40_000, delivered.get() + refused.get());
        assertEquals(delivered.get(), received.get(), "every accepted item arrived exactly once");
        printer.send(1);
        assertEquals(delivered.get() + 1, received.get());
    }

    @Test
    void generatorsNestOnOneThread() {
        Generator<Integer> inner = Generator.of(() -> counter(3));
        Generator<String> outer = Generator.of(() -> {
            while (inner.hasNext()) {
                Co.yield("inner said " + inner.next());
            }
        });
        List<String> seen = new ArrayList<>();
        outer.forEachRemaining(seen::add);
        assertEquals(List.of("inner said 0", "inner said 1", "inner said 3"), seen);
    }

    @Test
    void currentNamesTheRunningGenerator() {
        AtomicReference<Generator<?>> seen = new AtomicReference<>();
        Generator<Object> g = Generator.of(() -> {
            seen.set(Co.current());
            Co.yield(1);
        });
        g.next();
        assertNotNull(seen.get());
        assertEquals(g, seen.get());
        assertThrows(IllegalStateException.class, Co::current);
    }
}
