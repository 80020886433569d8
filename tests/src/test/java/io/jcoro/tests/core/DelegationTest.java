package io.jcoro.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorState;
import io.jcoro.core.StopIteration;
import io.jcoro.tests.Drain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PEP 380: {@code Co.yieldFrom} forwards values, sends, throws and close, and returns the result. */
class DelegationTest {

    @Coroutine
    static String echo(List<String> log) {
        try {
            String a = Co.yield("sub 1");
            log.add("sub got " + a);
            String b = Co.yield("sub 2");
            log.add("sub got " + b);
            return "sub result";
        } finally {
            log.add("sub finally");
        }
    }

    static Generator<String> outer(List<String> log) {
        return Generator.returning(() -> {
            Co.yield("outer 1");
            String r = Co.yieldFrom(Generator.returning(() -> echo(log)));
            log.add("outer got " + r);
            Co.yield("outer 2");
            return "outer result";
        });
    }

    @Test
    void valuesSendsAndReturnValueFlowThrough() {
        List<String> log = new ArrayList<>();
        Generator<String> g = outer(log);
        assertEquals("outer 1", g.next());
        assertEquals("sub 1", g.next());
        assertEquals("sub 2", g.send("x"));
        assertEquals("outer 2", g.send("y"));
        StopIteration stop = assertThrows(StopIteration.class, g::next);
        assertEquals("outer result", stop.value());
        assertEquals(List.of("sub got x", "sub got y", "sub finally", "outer got sub result"), log);
    }

    @Test
    void throwInIsForwardedToTheDelegate() {
        List<String> log = new ArrayList<>();
        Generator<String> g = Generator.of(() -> {
            String r = Co.yieldFrom(Generator.returning(() -> {
                try {
                    Co.yield("sub waiting");
                } catch (IllegalStateException e) {
                    log.add("sub caught " + e.getMessage());
                    return "sub recovered";
                }
                return "sub normal";
            }));
            Co.yield("outer got " + r);
        });
        assertEquals("sub waiting", g.next());
        assertEquals("outer got sub recovered", g.throwIn(new IllegalStateException("boom")));
        assertEquals(List.of("sub caught boom"), log);
    }

    @Test
    void exceptionFromTheDelegateIsRaisedAtTheYieldFrom() {
        List<String> log = new ArrayList<>();
        Generator<String> g = Generator.of(() -> {
            try {
                Co.yieldFrom(Generator.returning(() -> {
                    Co.yield("sub");
                    throw new IllegalArgumentException("sub failed");
                }));
            } catch (IllegalArgumentException e) {
                log.add("outer caught " + e.getMessage());
                Co.yield("outer recovered");
            }
        });
        assertEquals("sub", g.next());
        assertEquals("outer recovered", g.next());
        assertEquals(List.of("outer caught sub failed"), log);
    }

    @Test
    void closeClosesTheDelegateThenTheOuter() {
        List<String> log = new ArrayList<>();
        Generator<String> g = Generator.of(() -> {
            try {
                Co.yieldFrom(Generator.of(() -> {
                    try {
                        Co.yield("sub");
                    } finally {
                        log.add("sub finally");
                    }
                }));
            } finally {
                log.add("outer finally");
            }
        });
        assertEquals("sub", g.next());
        g.close();
        assertEquals(List.of("sub finally", "outer finally"), log);
        assertTrue(g.isDone());
    }

    @Test
    void delegateThatFinishesAtOnceDoesNotSuspend() {
        Generator<String> g = Generator.of(() -> {
            String r = Co.yieldFrom(Generator.returning(() -> "instant"));
            Co.yield(r);
        });
        assertEquals("instant", g.next());
    }

    @Test
    void delegatingToAnExhaustedGeneratorReturnsNull() {
        Generator<String> done = Generator.returning(() -> "was returned");
        Drain.all(done);
        List<Object> results = new ArrayList<>();
        Generator<String> g = Generator.of(() -> {
            results.add(Co.yieldFrom(done));
        });
        Drain.all(g);
        assertEquals(1, results.size());
        assertNull(results.get(0));
    }

    @Test
    void yieldFromIterable() {
        Generator<Object> g = Generator.of(() -> {
            Co.yieldFrom(List.of(1, 2, 3));
            Co.yield("after");
        });
        assertEquals(List.of(1, 2, 3, "after"), Drain.all(g));
    }

    @Test
    void sendingIntoAnIterableDelegateRaisesAtTheYieldFrom() {
        Generator<Object> g = Generator.of(() -> {
            try {
                Co.yieldFrom(List.of(1, 2, 3));
            } catch (IllegalArgumentException e) {
                Co.yield("refused");
            }
        });
        assertEquals(1, g.next());
        assertEquals("refused", g.send("x"));
    }

    @Test
    void nestedDelegationChains() {
        Generator<Integer> g = Generator.returning(() -> Co.yieldFrom(level(3)));
        assertEquals(List.of(3, 2, 1, 0), Drain.all(g));
        assertEquals(6, (int) g.returnValue());
    }

    static Generator<Integer> level(int n) {
        return Generator.returning(() -> {
            Co.yield(n);
            if (n == 0) {
                return 0;
            }
            int below = Co.yieldFrom(level(n - 1));
            return below + n;
        });
    }

    @Test
    void everyGeneratorOnTheChainCountsAsExecuting() {
        List<Generator<?>> holder = new ArrayList<>();
        List<String> log = new ArrayList<>();
        Generator<String> sub = Generator.of(() -> {
            try {
                holder.get(0).next();
            } catch (IllegalStateException e) {
                log.add(e.getMessage());
            }
            Co.yield("sub");
        });
        Generator<String> outer = Generator.of(() -> {
            Co.yieldFrom(sub);
        });
        holder.add(outer);
        assertEquals("sub", outer.next());
        assertEquals(List.of("generator already executing"), log);
        assertEquals(GeneratorState.SUSPENDED, outer.state());
    }

    @Test
    void delegatingToItselfIsAlreadyExecuting() {
        List<Generator<?>> self = new ArrayList<>();
        Generator<String> g = Generator.of(() -> {
            Co.yieldFrom(self.get(0));
        });
        self.add(g);
        assertThrows(IllegalStateException.class, g::next);
        assertTrue(g.isDone());
    }

    @Test
    void subGeneratorRaisesIsReportedToTheCallerWhenUncaught() {
        RuntimeException boom = new RuntimeException("deep");
        Generator<String> g = Generator.of(() -> {
            Co.yieldFrom(Generator.returning(() -> {
                Co.yield("x");
                throw boom;
            }));
        });
        g.next();
        assertSame(boom, assertThrows(RuntimeException.class, g::next));
        assertTrue(g.isDone());
    }
}
