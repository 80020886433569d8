package io.jcoro.tests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorState;
import io.jcoro.core.Sink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code that consumes a generator fails: a for-each over it throws (the generator stays
 * suspended, intact, and try-with-resources closes it), or the sink a generator pushes into
 * throws (the exception arrives in the generator's body at the send, through its handlers).
 */
class ThrowingConsumerTest {

    private static Generator<Integer> counting(List<String> log) {
        return Generator.of(() -> {
            try {
                for (int i = 0; i < 10; i++) {
                    Co.yield(i);
                }
            } finally {
                log.add("generator finally");
            }
        });
    }

    @Test
    void aConsumerThatThrowsLeavesTheGeneratorSuspendedAndResumable() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = counting(log);
        assertThrows(IllegalStateException.class, () -> {
            for (int x : g) {
                if (x == 3) {
                    throw new IllegalStateException("consumer failed at " + x);
                }
            }
        });
        assertEquals(GeneratorState.SUSPENDED, g.state());
        assertEquals(List.of(), log, "nothing ran in the generator");
        assertEquals(4, g.next(), "it resumes where it was");
        g.close();
        assertEquals(List.of("generator finally"), log);
    }

    @Test
    void tryWithResourcesClosesTheGeneratorWhenTheConsumerThrows() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = counting(log);
        assertThrows(ArithmeticException.class, () -> {
            try (g) {
                for (int x : g) {
                    log.add("got " + (10 / (2 - x)));
                }
            }
        });
        assertEquals(List.of("got 5", "got 10", "generator finally"), log);
        assertTrue(g.isDone());
    }

    @Test
    void aSinkThatThrowsFailsTheGeneratorPushingIntoIt() {
        List<String> log = new ArrayList<>();
        Sink<Integer> picky = Sink.of(() -> {
            while (true) {
                int x = Co.receive();
                if (x == 2) {
                    throw new IllegalArgumentException("sink rejects " + x);
                }
                log.add("sink got " + x);
            }
        });
        Generator<String> producer = Generator.of(() -> {
            try {
                for (int i = 0; i < 5; i++) {
                    picky.send(i); // a plain call: the sink runs on this thread, inside this frame
                    Co.yield("sent " + i);
                }
            } catch (IllegalArgumentException e) {
                log.add("producer caught: " + e.getMessage());
                Co.yield("recovered");
            } finally {
                log.add("producer finally");
            }
        });
        assertEquals(List.of("sent 0", "sent 1", "recovered"), List.of(producer.next(), producer.next(), producer.next()));
        assertTrue(picky.isClosed(), "the exception finished the sink");
        assertThrows(IllegalStateException.class, () -> picky.send(3));
        producer.forEachRemaining(s -> { });
        assertEquals(List.of("sink got 0", "sink got 1", "producer caught: sink rejects 2", "producer finally"), log);
    }

    @Test
    void anUncaughtSinkFailureEndsTheProducerWithIt() {
        Sink<Integer> failing = Sink.of(() -> {
            Co.receive();
            throw new UnsupportedOperationException("sink broke");
        });
        Generator<Integer> producer = Generator.of(() -> {
            Co.yield(1);
            failing.send(1);
            Co.yield(2);
        });
        assertEquals(1, producer.next());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, producer::next);
        assertEquals("sink broke", e.getMessage());
        assertTrue(producer.isDone() && failing.isClosed());
    }
}
