package io.jcoro.tests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * close() reached again while a close runs (the generator closing itself from its finally
 * block), and generators closed from finally blocks of other generators, in chains.
 */
class CloseReentryTest {

    @Test
    void aGeneratorClosingItselfFromItsFinallyIsAlreadyExecuting() {
        AtomicReference<Generator<String>> self = new AtomicReference<>();
        List<String> log = new ArrayList<>();
        Generator<String> g = Generator.of(() -> {
            try {
                Co.yield("suspended");
            } finally {
                log.add("finally");
                self.get().close(); // Python: ValueError: generator already executing
            }
        });
        self.set(g);
        g.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::close);
        assertEquals("generator already executing", e.getMessage());
        assertEquals(List.of("finally"), log);
        assertEquals(GeneratorState.CLOSED, g.state(), "the failed close still finished the body");
        g.close(); // and closing again is a no-op
    }

    @Test
    void aFinallyBlockClosesTheGeneratorItWasReadingFrom() {
        List<String> log = new ArrayList<>();
        Generator<Integer> source = Generator.returning(() -> {
            try {
                for (int i = 0; ; i++) {
                    Co.yield(i);
                }
            } finally {
                log.add("source finally");
            }
        });
        Generator<Integer> doubled = Generator.returning(() -> {
            try {
                while (true) {
                    Co.yield(source.next() * 2);
                }
            } finally {
                log.add("doubled finally");
                source.close();
                log.add("source closed");
            }
        });
        assertEquals(List.of(0, 2, 4), List.of(doubled.next(), doubled.next(), doubled.next()));
        doubled.close();
        assertEquals(List.of("doubled finally", "source finally", "source closed"), log);
        assertTrue(source.isDone() && doubled.isDone());
    }

    @Test
    void closingAChainOfThreeFromTheOutsideRunsEveryFinallyOnce() {
        List<String> log = new ArrayList<>();
        List<Generator<Integer>> chain = new ArrayList<>();
        for (int level = 0; level < 3; level++) {
            int me = level;
            Generator<Integer> below = level == 0 ? null : chain.get(level - 1);
            chain.add(Generator.returning(() -> {
                try {
                    while (true) {
                        Co.yield(below == null ? me : below.next() + me);
                    }
                } finally {
                    log.add("finally " + me);
                    if (below != null) {
                        below.close();
                        below.close(); // closing a closed generator does nothing
                    }
                }
            }));
        }
        Generator<Integer> top = chain.get(2);
        assertEquals(3, top.next());
        top.close();
        assertEquals(List.of("finally 2", "finally 1", "finally 0"), log);
    }

    @Test
    void aCloseThatFailsInTheMiddleOfAChainStillFinishesEveryGenerator() {
        Generator<Integer> inner = Generator.returning(() -> {
            try {
                Co.yield(1);
            } finally {
                throw new IllegalStateException("inner cleanup failed");
            }
        });
        Generator<Integer> outer = Generator.of(() -> {
            try {
                Co.yield(inner.next());
            } finally {
                inner.close();
            }
        });
        assertEquals(1, outer.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
        assertEquals("inner cleanup failed", e.getMessage());
        assertTrue(inner.isDone() && outer.isDone());
    }
}
