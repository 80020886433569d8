package io.jcoro.tests.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.bridge.Threaded;
import io.jcoro.core.Co;
import io.jcoro.core.GeneratorExit;
import io.jcoro.flow.Filters;
import io.jcoro.flow.Stage;
import io.jcoro.flow.StageException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** threaded(target): a bounded queue to a chain on its own thread, with close and errors. */
@Timeout(30)
class ThreadedTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    /** A sink that records items and the thread it ran on, and its close. */
    private Stage<Object> recorder(String name) {
        return Stage.of(name, () -> {
            try {
                while (true) {
                    Object item = Co.receive();
                    log.add(item + " on " + Thread.currentThread().getName().startsWith("jcoro-threaded"));
                }
            } finally {
                log.add(name + " closed");
            }
        });
    }

    /** A sink that waits at each item until the test lets it go on. */
    private Stage<Object> gated(CountDownLatch entered, CountDownLatch go, List<Object> into) {
        return Stage.of("gated", () -> {
            while (true) {
                Object item = Co.receive();
                entered.countDown();
                await(go);
                into.add(item);
            }
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitState(Thread t, Thread.State state) {
        while (t.getState() != state) {
            Thread.onSpinWait();
        }
    }

    @Test
    void itemsAreDeliveredInOrderOnTheWorkerThreadAndCloseWaitsForThem() {
        Threaded<Object> t = Threaded.threaded(recorder("sink"));
        for (int i = 0; i < 100; i++) {
            t.send(i);
        }
        t.send(null);
        t.close();
        assertEquals(102, log.size());
        assertEquals("0 on true", log.get(0));
        assertEquals("99 on true", log.get(99));
        assertEquals("null on true", log.get(100));
        assertEquals("sink closed", log.get(101), "close runs after every queued item");
        assertFalse(t.worker().isAlive());
        assertTrue(t.isClosed());
        t.close();
        assertEquals(102, log.size(), "a second close does nothing");
    }

    @Test
    void aFullQueueMakesTheSenderWait() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        List<Object> got = Collections.synchronizedList(new ArrayList<>());
        Threaded<Object> t = Threaded.threaded(gated(entered, go, got), 2);
        t.send(1);
        entered.await();              // the worker holds item 1 inside the sink
        t.send(2);
        t.send(3);                    // the queue (capacity 2) is now full
        assertEquals(2, t.backlog());
        Thread producer = new Thread(() -> t.send(4));
        producer.start();
        awaitState(producer, Thread.State.WAITING);
        assertTrue(producer.isAlive(), "the fourth send waits for room");
        assertEquals(List.of(), got);

        go.countDown();
        producer.join();
        t.close();
        assertEquals(List.of(1, 2, 3, 4), got);
    }

    @Test
    void aDownstreamFailureReachesTheNextSendNamingTheStage() {
        List<Object> got = Collections.synchronizedList(new ArrayList<>());
        Stage<Object> sink = Stage.of("sink", () -> {
            while (true) {
                Object item = Co.receive();
                got.add(item);
            }
        });
        Threaded<String> t = Threaded.threaded(Filters.map("parse", Integer::parseInt, sink));
        t.send("1");
        t.send("x");
        StageException e = assertThrows(StageException.class, () -> {
            for (int i = 0; i < 1000; i++) {
                t.send("2");
                Thread.yield();
            }
            t.close();
        });
        assertEquals("parse", e.stage());
        assertTrue(e.getMessage().startsWith("stage 'parse' failed on \"x\": java.lang.NumberFormatException"),
                e.getMessage());
        assertTrue(e.getMessage().contains("(on thread jcoro-threaded-"), e.getMessage());
        assertInstanceOf(StageException.class, e.getCause());
        assertTrue(sink.isClosed(), "the chain behind the queue is closed");
        assertEquals(List.of(1), got, "nothing after the failure is delivered");
        t.close();                    // quiet: the failure was reported once
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> t.send("3"));
        assertTrue(again.getMessage().contains("is closed"), again.getMessage());
    }

    @Test
    void aSenderWaitingForRoomIsWokenByAFailure() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        Stage<Object> failing = Stage.of("failing", () -> {
            Co.receive();
            entered.countDown();
            await(go);
            throw new IllegalStateException("downstream broke");
        });
        Threaded<Object> t = Threaded.threaded(failing, 1);
        t.send("first");
        entered.await();
        t.send("queued");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                t.send("blocked");
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        producer.start();
        awaitState(producer, Thread.State.WAITING);
        go.countDown();
        producer.join();
        StageException e = assertInstanceOf(StageException.class, thrown.get());
        assertEquals("failing", e.stage());
        assertTrue(e.getMessage().contains("downstream broke"), e.getMessage());
    }

    @Test
    void aFailureWhenClosingIsReportedByClose() {
        Stage<Object> reporter = Stage.of("reporter", () -> {
            try {
                while (true) {
                    Co.receive();
                }
            } catch (GeneratorExit exit) {
                throw new IllegalStateException("report failed");
            }
        });
        Threaded<Object> t = Threaded.threaded(reporter);
        t.send("x");
        StageException e = assertThrows(StageException.class, t::close);
        assertEquals("reporter", e.stage());
        assertTrue(e.getMessage().contains("failed while closing"), e.getMessage());
    }

    @Test
    void severalThreadsMaySendIntoOneThreadedStage() throws Exception {
        Threaded<Object> shared = Threaded.threaded(recorder("shared"));
        Threaded<Object> left = Threaded.threaded(Filters.map("left", s -> "L" + s, shared));
        Threaded<Object> right = Threaded.threaded(Filters.map("right", s -> "R" + s, shared));
        Thread a = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                left.send(i);
            }
            left.close();
        });
        Thread b = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                right.send(i);
            }
            right.close();
        });
        a.start();
        b.start();
        a.join();
        b.join();
        assertTrue(shared.isClosed(), "closed when the last of its two feeders closed");
        assertEquals(1001, log.size());
        assertEquals("shared closed", log.get(1000));
        assertEquals(500, log.stream().filter(s -> s.startsWith("L")).count());
        assertEquals(500, log.stream().filter(s -> s.startsWith("R")).count());
        assertFalse(shared.worker().isAlive());
    }

    @Test
    void badCapacityIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Threaded.threaded(recorder("x"), 0));
        assertEquals("capacity must be at least 1: 0", e.getMessage());
    }
}
