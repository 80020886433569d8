package io.jcoro.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorState;
import io.jcoro.core.Sink;
import io.jcoro.core.StopIteration;
import java.util.ArrayList;
import java.util.InputMismatchException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * PEP 479: a StopIteration (in Java, any NoSuchElementException) escaping a generator body must
 * not pass for the generator's own end. CPython 3.11 is the reference for each case:
 * {@code RuntimeError: generator raised StopIteration}, the original as {@code __cause__}.
 */
class StopIterationEscapeTest {

    /** The PEP 479 error, checked for its message and its cause; the generator is finished. */
    private static void assertPep479(Throwable expectedCause, IllegalStateException e, Generator<?> g) {
        assertEquals("generator raised StopIteration", e.getMessage());
        assertSame(expectedCause, e.getCause());
        assertEquals(GeneratorState.CLOSED, g.state());
        StopIteration after = assertThrows(StopIteration.class, g::next, "finished, as after any exception");
        assertEquals("generator already finished", after.getMessage());
    }

    @Test
    void raisedInTheBody() {
        StopIteration raised = new StopIteration("mine", null);
        Generator<String> g = Generator.of(() -> {
            Co.yield("a");
            throw raised;
        });
        assertEquals("a", g.next());
        assertPep479(raised, assertThrows(IllegalStateException.class, g::next), g);
    }

    @Test
    void anyNoSuchElementExceptionCountsAndIsNamed() {
        InputMismatchException raised = new InputMismatchException("not a number");
        Generator<String> g = Generator.of(() -> {
            throw raised;
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, g::next);
        assertEquals("generator raised InputMismatchException", e.getMessage());
        assertSame(raised, e.getCause());
    }

    @Coroutine
    static void pairs(Iterator<String> words) {
        while (true) { // relies on next() to end the loop: fine in Python 2, an error since 3.7
            Co.yield(words.next() + words.next());
        }
    }

    @Test
    void fromANestedNextOnAnExhaustedIterator() {
        Generator<String> g = Generator.of(() -> pairs(List.of("a", "b", "c").iterator()));
        List<String> seen = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            for (String pair : g) {
                seen.add(pair);
            }
        }, "the loop over the outer generator must not stop silently");
        assertEquals(List.of("ab"), seen);
        assertInstanceOf(NoSuchElementException.class, e.getCause());
        assertEquals("generator raised NoSuchElementException", e.getMessage());
    }

    @Test
    void fromANestedNextOnAFinishedGenerator() {
        Generator<String> inner = Generator.of(() -> Co.yield("only"));
        Generator<String> outer = Generator.of(() -> {
            Co.yield(inner.next());
            Co.yield(inner.next()); // inner has ended: StopIteration
        });
        assertEquals("only", outer.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, outer::next);
        assertEquals("generator raised StopIteration", e.getMessage());
        assertInstanceOf(StopIteration.class, e.getCause());
        assertEquals("generator returned", e.getCause().getMessage());
    }

    @Test
    void aBodyMayStillCatchItAndEndNormally() {
        Generator<String> inner = Generator.of(() -> Co.yield("only"));
        Generator<String> outer = Generator.of(() -> {
            while (true) {
                try {
                    Co.yield(inner.next());
                } catch (StopIteration end) {
                    return;
                }
            }
        });
        assertEquals(List.of("only"), io.jcoro.tests.Drain.all(outer));
    }

    @Test
    void thrownInAtTheSuspensionPoint() {
        StopIteration thrown = new StopIteration("thrown in", null);
        Generator<String> g = Generator.of(() -> Co.yield("a"));
        g.next();
        assertPep479(thrown, assertThrows(IllegalStateException.class, () -> g.throwIn(thrown)), g);
    }

    @Test
    void thrownInAndCaughtIsOrdinary() {
        Generator<String> g = Generator.of(() -> {
            try {
                Co.yield("a");
            } catch (NoSuchElementException e) {
                Co.yield("caught " + e.getMessage());
            }
        });
        g.next();
        assertEquals("caught x", g.throwIn(new NoSuchElementException("x")));
    }

    @Test
    void thrownIntoAJustCreatedGenerator() {
        List<String> log = new ArrayList<>();
        NoSuchElementException thrown = new NoSuchElementException("early");
        Generator<String> g = Generator.of(() -> {
            log.add("ran");
            Co.yield("a");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> g.throwIn(thrown));
        assertEquals("generator raised NoSuchElementException", e.getMessage());
        assertSame(thrown, e.getCause());
        assertTrue(log.isEmpty(), "the body never runs");
        assertEquals(GeneratorState.CLOSED, g.state());
    }

    @Test
    void thrownIntoAFinishedGeneratorComesOutAsItIs() {
        // CPython: the frame is gone, nothing runs, so nothing is converted.
        Generator<String> g = Generator.of(() -> Co.yield("a"));
        io.jcoro.tests.Drain.all(g);
        StopIteration thrown = new StopIteration("late", null);
        assertSame(thrown, assertThrows(StopIteration.class, () -> g.throwIn(thrown)));
    }

    @Test
    void fromSendAndHasNext() {
        Generator<String> viaSend = Generator.of(() -> {
            Object got = Co.yield("a");
            throw new NoSuchElementException("after " + got);
        });
        viaSend.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> viaSend.send("x"));
        assertEquals("after x", e.getCause().getMessage());

        Generator<String> viaHasNext = Generator.of(() -> {
            throw new StopIteration("peeked", null);
        });
        assertThrows(IllegalStateException.class, viaHasNext::hasNext);
        assertFalse(viaHasNext.hasNext(), "finished by the error");
    }

    @Test
    void fromAFinallyBlockDuringClose() {
        StopIteration raised = new StopIteration("in finally", null);
        Generator<String> g = Generator.of(() -> {
            try {
                Co.yield("a");
            } finally {
                throw raised;
            }
        });
        g.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::close);
        assertSame(raised, e.getCause());
        assertTrue(g.isDone());
    }

    @Test
    void fromADelegateReachesTheDelegatingFrameAsTheError() {
        List<String> log = new ArrayList<>();
        Generator<String> outer = Generator.of(() -> {
            try {
                Co.yieldFrom(Generator.of(() -> {
                    Co.yield("sub");
                    throw new StopIteration("sub's own", null);
                }));
            } catch (IllegalStateException e) {
                log.add(e.getMessage() + " / " + e.getCause().getMessage());
            }
            Co.yield("outer goes on");
        });
        assertEquals("sub", outer.next());
        assertEquals("outer goes on", outer.next());
        assertEquals(List.of("generator raised StopIteration / sub's own"), log);
    }

    @Test
    void autoClosingGeneratorsToo() {
        Generator<String> g = Generator.autoClosing(() -> {
            Co.yield("a");
            throw new StopIteration("x", null);
        });
        g.next();
        assertThrows(IllegalStateException.class, g::next);
        assertTrue(g.isDone());
    }

    @Test
    void aReturnValueStillEndsTheIterationNormally() {
        Generator<String> g = Generator.returning(() -> {
            Co.yield("a");
            return 42;
        });
        g.next();
        StopIteration stop = assertThrows(StopIteration.class, g::next);
        assertEquals(42, stop.value());
    }

    // ---- Sink --------------------------------------------------------------------------------

    @Test
    void sinkSendReportsIt() {
        Sink<String> sink = Sink.of(() -> {
            while (true) {
                String item = Co.receive();
                if (item.isEmpty()) {
                    throw new NoSuchElementException("empty");
                }
            }
        });
        sink.send("x");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.send(""));
        assertEquals("empty", e.getCause().getMessage());
        assertTrue(sink.isClosed());
    }

    @Test
    void sinkThrowInDoesNotSwallowIt() {
        Sink<String> sink = Sink.of(() -> {
            while (true) {
                Co.receive();
            }
        });
        StopIteration thrown = new StopIteration("thrown in", null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.throwIn(thrown));
        assertSame(thrown, e.getCause());
        assertTrue(sink.isClosed());
        StopIteration again = new StopIteration("into a finished sink", null);
        assertSame(again, assertThrows(StopIteration.class, () -> sink.throwIn(again)),
                "into a finished sink the error itself comes out, as Generator.throwIn");
    }

    @Test
    void sinkThrowInThatTheBodyAnswersByReturningFinishesIt() {
        List<String> log = new ArrayList<>();
        Sink<String> sink = Sink.of(() -> {
            try {
                while (true) {
                    log.add(Co.receive());
                }
            } catch (IllegalArgumentException stop) {
                log.add("returning");
            }
        });
        sink.send("a");
        sink.throwIn(new IllegalArgumentException("enough"));
        assertEquals(List.of("a", "returning"), log);
        assertTrue(sink.isClosed());
    }
}
