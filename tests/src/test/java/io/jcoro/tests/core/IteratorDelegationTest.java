package io.jcoro.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorExit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PEP 380 for {@code Co.yieldFrom(Iterable)}: what close and throwIn do to an iterator delegate,
 * with CPython 3.11's behaviour for a non-generator iterator as the reference.
 */
class IteratorDelegationTest {

    /** An endless iterator that can be closed, and says what happened to it. */
    static final class Resource implements Iterator<Integer>, AutoCloseable {
        final List<String> log;
        private final RuntimeException failOnClose;
        private int n;

        Resource(List<String> log, RuntimeException failOnClose) {
            this.log = log;
            this.failOnClose = failOnClose;
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Integer next() {
            return ++n;
        }

        @Override
        public void close() {
            log.add("iterator closed");
            if (failOnClose != null) {
                throw failOnClose;
            }
        }
    }

    /** Delegates to the resource's iterator and logs what reaches its own frame. */
    private static Generator<Integer> delegating(Resource resource) {
        Iterable<Integer> items = () -> resource;
        return Generator.of(() -> {
            try {
                Co.yieldFrom(items);
            } catch (GeneratorExit | IllegalArgumentException | IllegalStateException e) {
                resource.log.add("delegator got " + e.getClass().getSimpleName());
                throw e;
            }
        });
    }

    @Test
    void closeClosesACloseableIteratorThenRaisesGeneratorExitInTheDelegator() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = delegating(new Resource(log, null));
        assertEquals(1, g.next());
        assertEquals(2, g.next());
        g.close();
        assertEquals(List.of("iterator closed", "delegator got GeneratorExit"), log);
        assertTrue(g.isDone());
    }

    @Test
    void throwingGeneratorExitInDoesTheSame() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = delegating(new Resource(log, null));
        g.next();
        GeneratorExit exit = new GeneratorExit();
        assertSame(exit, assertThrows(GeneratorExit.class, () -> g.throwIn(exit)));
        assertEquals(List.of("iterator closed", "delegator got GeneratorExit"), log);
    }

    @Test
    void whatTheIteratorsCloseThrowsIsRaisedInTheDelegator() {
        List<String> log = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("close failed");
        Generator<Integer> g = delegating(new Resource(log, boom));
        g.next();
        assertSame(boom, assertThrows(IllegalStateException.class, g::close));
        assertEquals(List.of("iterator closed", "delegator got IllegalStateException"), log);
    }

    @Test
    void otherExceptionsAreRaisedInTheDelegatorWithoutClosingTheIterator() {
        // A plain iterator has no throw(): CPython raises the exception at the yield from.
        List<String> log = new ArrayList<>();
        Resource resource = new Resource(log, null);
        Iterable<Integer> items = () -> resource;
        Generator<Object> g = Generator.of(() -> {
            try {
                Co.yieldFrom(items);
            } catch (IllegalArgumentException e) {
                log.add("delegator got " + e.getMessage());
            }
            Co.yield("after");
        });
        g.next();
        assertEquals("after", g.throwIn(new IllegalArgumentException("x")));
        assertEquals(List.of("delegator got x"), log);
        g.close();
        assertEquals(List.of("delegator got x"), log, "delegation was over: nothing more to close");
    }

    @Test
    void anIteratorRunToItsEndIsNotClosed() {
        // CPython's yield from leaves an exhausted iterator alone.
        List<String> log = new ArrayList<>();
        class Finite implements Iterator<Integer>, AutoCloseable {
            int n;

            @Override
            public boolean hasNext() {
                return n < 2;
            }

            @Override
            public Integer next() {
                return ++n;
            }

            @Override
            public void close() {
                log.add("closed");
            }
        }
        Finite it = new Finite();
        Iterable<Integer> items = () -> it;
        Generator<Integer> g = Generator.of(() -> {
            Co.yieldFrom(items);
            Co.yield(99);
        });
        assertEquals(List.of(1, 2, 99), io.jcoro.tests.Drain.all(g));
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void aPlainIteratorJustEndsTheDelegation() {
        List<String> log = new ArrayList<>();
        Generator<String> g = Generator.of(() -> {
            try {
                Co.yieldFrom(List.of("a", "b"));
            } finally {
                log.add("finally");
            }
        });
        g.next();
        g.close();
        assertEquals(List.of("finally"), log);
    }
}
