package io.jcoro.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Sink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Auto-primed consumers: the course's {@code @coroutine} decorator. */
class SinkTest {

    @Test
    void isPrimedAtCreationAndReceivesEachItem() {
        List<String> log = new ArrayList<>();
        Sink<String> sink = Sink.of(() -> {
            log.add("started");
            while (true) {
                String item = Co.receive();
                log.add("got " + item);
            }
        });
        assertEquals(List.of("started"), log);
        sink.send("a");
        sink.accept("b");
        List.of("c", "d").forEach(sink);
        assertEquals(List.of("started", "got a", "got b", "got c", "got d"), log);
        assertFalse(sink.isClosed());
    }

    @Test
    void closeRunsFinallyAndLaterSendsFail() {
        List<String> log = new ArrayList<>();
        Sink<String> sink = Sink.of(() -> {
            try {
                while (true) {
                    log.add(Co.receive());
                }
            } finally {
                log.add("closed");
            }
        });
        sink.send("x");
        sink.close();
        sink.close();
        assertEquals(List.of("x", "closed"), log);
        assertTrue(sink.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.send("y"));
        assertTrue(e.getMessage().contains("finished"), e.getMessage());
    }

    @Test
    void bodyThatReturnsFinishesTheSink() {
        List<Object> got = new ArrayList<>();
        Sink<Integer> firstTwo = Sink.of(() -> {
            got.add(Co.receive());
            got.add(Co.receive());
        });
        firstTwo.send(1);
        firstTwo.send(2);
        assertTrue(firstTwo.isClosed());
        assertThrows(IllegalStateException.class, () -> firstTwo.send(3));
        assertEquals(List.of(1, 2), got);
    }

    @Test
    void exceptionsFromTheBodyReachTheSenderAndFinishTheSink() {
        Sink<String> picky = Sink.of(() -> {
            while (true) {
                String s = Co.receive();
                if (s.isEmpty()) {
                    throw new IllegalArgumentException("empty item");
                }
            }
        });
        picky.send("ok");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> picky.send(""));
        assertEquals("empty item", e.getMessage());
        assertTrue(picky.isClosed());
    }

    @Test
    void throwInCanBeHandledAndReceivingGoesOn() {
        List<String> log = new ArrayList<>();
        Sink<String> sink = Sink.of(() -> {
            while (true) {
                try {
                    log.add(Co.receive());
                } catch (IllegalStateException e) {
                    log.add("handled " + e.getMessage());
                }
            }
        });
        sink.throwIn(new IllegalStateException("hiccup"));
        sink.send("after");
        assertEquals(List.of("handled hiccup", "after"), log);
    }

    @Test
    void chainedSinksPushThrough() {
        List<String> out = new ArrayList<>();
        Sink<String> printer = Sink.of(() -> {
            while (true) {
                out.add(Co.receive());
            }
        });
        Sink<String> grep = Sink.of(() -> {
            while (true) {
                String line = Co.receive();
                if (line.contains("python")) {
                    printer.send(line);
                }
            }
        });
        for (String l : List.of("python rocks", "java", "more python")) {
            grep.send(l);
        }
        assertEquals(List.of("python rocks", "more python"), out);
    }
}
