package io.jcoro.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorExit;
import io.jcoro.core.GeneratorState;
import io.jcoro.core.StopIteration;
import io.jcoro.tests.Drain;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Python's generator protocol, case by case, with CPython's behaviour as the reference. */
class GeneratorProtocolTest {

    @Coroutine
    static void count(List<String> log, int n) {
        try {
            for (int i = 0; i < n; i++) {
                log.add("before " + i);
                Co.yield(i);
                log.add("after " + i);
            }
        } finally {
            log.add("finally");
        }
    }

    @Test
    void bodyDoesNotStartUntilAdvanced() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> count(log, 2));
        assertEquals(GeneratorState.CREATED, g.state());
        assertTrue(log.isEmpty());
        assertEquals(0, g.next());
        assertEquals(List.of("before 0"), log);
        assertEquals(GeneratorState.SUSPENDED, g.state());
    }

    @Test
    void nextRunsToEachYieldThenStopIteration() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> count(log, 2));
        assertEquals(0, g.next());
        assertEquals(1, g.next());
        StopIteration stop = assertThrows(StopIteration.class, g::next);
        assertNull(stop.value());
        assertEquals(List.of("before 0", "after 0", "before 1", "after 1", "finally"), log);
        assertTrue(g.isDone());
        assertEquals(GeneratorState.CLOSED, g.state());
        assertThrows(NoSuchElementException.class, g::next, "exhausted stays exhausted");
    }

    @Test
    void sendDeliversTheValueAsTheResultOfYield() {
        List<Object> received = new ArrayList<>();
        Generator<String> g = Generator.of(() -> {
            Object x = Co.yield("first");
            received.add(x);
            Object y = Co.yield("second");
            received.add(y);
        });
        assertEquals("first", g.next());
        assertEquals("second", g.send("a"));
        assertThrows(StopIteration.class, () -> g.send("b"));
        assertEquals(List.of("a", "b"), received);
    }

    @Test
    void nextSendsNull() {
        List<Object> received = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> {
            received.add(Co.yield(1));
        });
        g.next();
        assertThrows(StopIteration.class, g::next);
        assertEquals(1, received.size());
        assertNull(received.get(0));
    }

    @Test
    void sendingNonNullIntoJustStartedGeneratorIsAnErrorAndLeavesItUnstarted() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> count(log, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.send("x"));
        assertEquals("can't send non-null value to a just-started generator", e.getMessage());
        assertEquals(GeneratorState.CREATED, g.state());
        assertTrue(log.isEmpty());
        assertEquals(0, g.send(null), "send(null) starts it, as next() does");
    }

    @Test
    void returnValueEndsIterationAndIsKept() {
        Generator<Integer> g = Generator.returning(() -> {
            Co.yield(1);
            return "result";
        });
        assertNull(g.returnValue(), "not finished yet");
        assertEquals(1, g.next());
        StopIteration stop = assertThrows(StopIteration.class, g::next);
        assertEquals("result", stop.value());
        assertEquals("result", g.returnValue());
        StopIteration again = assertThrows(StopIteration.class, g::next);
        assertNull(again.value(), "a finished generator's StopIteration carries no value, as in CPython");
        assertEquals("result", g.returnValue());
    }

    // ---- close ---------------------------------------------------------------------------

    @Test
    void closeRaisesGeneratorExitAtTheSuspensionPointAndRunsFinally() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> count(log, 5));
        g.next();
        g.close();
        assertEquals(List.of("before 0", "finally"), log);
        assertTrue(g.isDone());
        assertThrows(StopIteration.class, g::next);
    }

    @Test
    void closeOnNewOrFinishedGeneratorIsANoOp() {
        List<String> log = new ArrayList<>();
        Generator<Integer> fresh = Generator.of(() -> count(log, 1));
        fresh.close();
        assertTrue(log.isEmpty(), "body never ran");
        assertEquals(GeneratorState.CLOSED, fresh.state());
        assertThrows(StopIteration.class, fresh::next);

        Generator<Integer> done = Generator.of(() -> count(log, 1));
        Drain.all(done);
        done.close();
        done.close();
        assertEquals(GeneratorState.CLOSED, done.state());
    }

    @Test
    void generatorExitIsNotCaughtByCatchException() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> {
            try {
                Co.yield(1);
                log.add("not reached");
            } catch (Exception e) {
                log.add("caught as Exception");
            }
        });
        g.next();
        g.close();
        assertTrue(log.isEmpty(), log.toString());
        assertTrue(GeneratorExit.class.getSuperclass() == Error.class);
    }

    @Test
    void bodyMayCatchGeneratorExitToCleanUpAndReturn() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> {
            try {
                while (true) {
                    Co.yield(1);
                }
            } catch (GeneratorExit e) {
                log.add("going away");
            }
        });
        g.next();
        g.close();
        assertEquals(List.of("going away"), log);
        assertTrue(g.isDone());
    }

    @Test
    void yieldingAfterGeneratorExitMakesCloseFailAndLeavesItSuspended() {
        Generator<String> g = Generator.of(() -> {
            try {
                Co.yield("a");
            } catch (GeneratorExit e) {
                Co.yield("b");
            }
            Co.yield("c");
        });
        assertEquals("a", g.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, g::close);
        assertEquals("generator ignored GeneratorExit", e.getMessage());
        assertEquals(GeneratorState.SUSPENDED, g.state(), "CPython keeps it suspended at the new yield");
        assertEquals("c", g.next());
        assertThrows(StopIteration.class, g::next);
    }

    @Test
    void yieldInFinallyDuringCloseIsIgnoredGeneratorExit() {
        Generator<String> g = Generator.of(() -> {
            try {
                Co.yield("a");
            } finally {
                Co.yield("in finally");
            }
        });
        g.next();
        assertThrows(IllegalStateException.class, g::close);
    }

    @Test
    void anotherExceptionDuringClosePropagatesFromClose() {
        Generator<String> g = Generator.returning(() -> {
            try {
                Co.yield("a");
            } finally {
                throw new IllegalArgumentException("cleanup failed");
            }
        });
        g.next();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, g::close);
        assertEquals("cleanup failed", e.getMessage());
        assertTrue(g.isDone());
    }

    @Test
    void tryWithResourcesClosesTheGenerator() {
        List<String> log = new ArrayList<>();
        try (Generator<Integer> g = Generator.of(() -> count(log, 10))) {
            g.next();
        }
        assertEquals(List.of("before 0", "finally"), log);
    }

    // ---- throwIn -------------------------------------------------------------------------

    @Test
    void throwInRaisesAtTheSuspensionPointAndCanBeCaught() {
        List<String> log = new ArrayList<>();
        Generator<String> g = Generator.returning(() -> {
            while (true) {
                try {
                    Co.yield("waiting");
                } catch (IllegalStateException e) {
                    log.add("caught " + e.getMessage());
                    Co.yield("recovered");
                }
            }
        });
        assertEquals("waiting", g.next());
        assertEquals("recovered", g.throwIn(new IllegalStateException("boom")));
        assertEquals(List.of("caught boom"), log);
        assertEquals("waiting", g.next());
        assertEquals(GeneratorState.SUSPENDED, g.state());
    }

    @Test
    void throwInThatPropagatesFinishesTheGenerator() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> count(log, 3));
        g.next();
        RuntimeException boom = new RuntimeException("boom");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> g.throwIn(boom));
        assertSame(boom, thrown);
        assertEquals(List.of("before 0", "finally"), log);
        assertTrue(g.isDone());
        assertThrows(StopIteration.class, g::next);
    }

    @Test
    void throwInCaughtThenReturnGivesStopIterationWithValue() {
        Generator<String> g = Generator.returning(() -> {
            try {
                Co.yield("a");
            } catch (RuntimeException e) {
                return "handled " + e.getMessage();
            }
            return "normal";
        });
        g.next();
        StopIteration stop = assertThrows(StopIteration.class, () -> g.throwIn(new RuntimeException("x")));
        assertEquals("handled x", stop.value());
    }

    @Test
    void throwInOnNewGeneratorRaisesWithoutRunningTheBody() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> count(log, 3));
        RuntimeException boom = new RuntimeException("early");
        assertSame(boom, assertThrows(RuntimeException.class, () -> g.throwIn(boom)));
        assertTrue(log.isEmpty());
        assertTrue(g.isDone());
    }

    @Test
    void throwInOnFinishedGeneratorRaisesTheException() {
        Generator<Integer> g = Generator.of(() -> { });
        assertFalse(g.hasNext());
        RuntimeException boom = new RuntimeException("late");
        assertSame(boom, assertThrows(RuntimeException.class, () -> g.throwIn(boom)));
    }

    @Test
    void checkedExceptionsCanBeThrownInAndCaught() {
        Generator<String> g = Generator.of(() -> {
            try {
                Co.yield("a");
            } catch (Exception e) {
                Co.yield("caught " + e.getClass().getSimpleName());
            }
        });
        g.next();
        assertEquals("caught IOException", g.throwIn(new java.io.IOException("io")));
    }

    // ---- exceptions from the body ----------------------------------------------------------

    @Test
    void exceptionEscapingTheBodyFinishesTheGenerator() {
        Generator<Integer> g = Generator.returning(() -> {
            Co.yield(1);
            throw new IllegalStateException("body failed");
        });
        g.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::next);
        assertEquals("body failed", e.getMessage());
        assertTrue(g.isDone());
        assertThrows(StopIteration.class, g::next);
    }

    // ---- Iterator, Iterable, Stream ---------------------------------------------------------

    @Test
    void isAnIteratorAndAnIterableOnce() {
        Generator<Integer> g = Generator.of(() -> count(new ArrayList<>(), 3));
        List<Integer> seen = new ArrayList<>();
        for (int i : g) {
            seen.add(i);
        }
        assertEquals(List.of(0, 1, 2), seen);
        assertFalse(g.iterator().hasNext(), "single use, as in Python");
    }

    @Test
    void hasNextKeepsTheValueForNext() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> count(log, 2));
        assertTrue(g.hasNext());
        assertTrue(g.hasNext(), "idempotent");
        assertEquals(List.of("before 0"), log);
        assertEquals(0, g.next());
        assertTrue(g.hasNext());
        assertEquals(1, g.next());
        assertFalse(g.hasNext());
        assertFalse(g.hasNext());
    }

    @Test
    void sendWhileAValueWaitsFromHasNextIsRefused() {
        Generator<Integer> g = Generator.of(() -> count(new ArrayList<>(), 2));
        g.hasNext();
        assertThrows(IllegalStateException.class, () -> g.send("x"));
        assertEquals(0, g.next(), "the fetched value is still there");
    }

    @Test
    void closeDropsAValueFetchedByHasNext() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> count(log, 3));
        g.hasNext();
        g.close();
        assertEquals(List.of("before 0", "finally"), log);
        assertFalse(g.hasNext());
    }

    @Test
    void streamViewAndItsCloseClosesTheGenerator() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> count(log, 100));
        String first3;
        try (var stream = g.stream()) {
            first3 = stream.limit(3).map(String::valueOf).collect(Collectors.joining(","));
        }
        assertEquals("0,1,2", first3);
        assertTrue(log.contains("finally"));
        assertTrue(g.isDone());
    }

    @Test
    void iteratorRemoveIsUnsupported() {
        Generator<Integer> g = Generator.of(() -> count(new ArrayList<>(), 1));
        g.next();
        assertThrows(UnsupportedOperationException.class, g::remove);
    }

    @Test
    void toStringShowsState() {
        Generator<Integer> g = Generator.of(() -> count(new ArrayList<>(), 1));
        assertEquals("Generator[CREATED]", g.toString());
        g.next();
        assertEquals("Generator[SUSPENDED]", g.toString());
    }
}
