package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.tests.Drain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** try/catch/finally spanning suspensions, in the real frames. */
class ExceptionsTest {

    @Coroutine
    static void level3(List<String> log) {
        try {
            Co.yield("deep");
            log.add("level3 resumed");
        } finally {
            log.add("level3 finally");
        }
    }

    @Coroutine
    static void level2(List<String> log) {
        try {
            level3(log);
        } finally {
            log.add("level2 finally");
        }
    }

    @Coroutine
    static void level1(List<String> log) {
        try {
            level2(log);
            log.add("not reached");
        } catch (IllegalStateException e) {
            log.add("level1 caught " + e.getMessage());
            Co.yield("after catch");
        } finally {
            log.add("level1 finally");
        }
    }

    @Test
    void exceptionThrownInAtTheInnermostFrameIsCaughtThreeFramesUp() {
        List<String> log = new ArrayList<>();
        Generator<String> g = Generator.of(() -> level1(log));
        assertEquals("deep", g.next());
        assertEquals("after catch", g.throwIn(new IllegalStateException("boom")));
        assertEquals(List.of("level3 finally", "level2 finally", "level1 caught boom"), log);
        assertEquals(List.of(), Drain.all(g));
        assertEquals(List.of("level3 finally", "level2 finally", "level1 caught boom", "level1 finally"), log);
    }

    @Test
    void finallyRunsExactlyOnceAcrossManySuspensions() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> {
            try {
                for (int i = 0; i < 5; i++) {
                    try {
                        Co.yield(i);
                    } finally {
                        log.add("inner " + i);
                    }
                }
            } finally {
                log.add("outer");
            }
        });
        assertEquals(List.of(0, 1, 2, 3, 4), Drain.all(g));
        assertEquals(List.of("inner 0", "inner 1", "inner 2", "inner 3", "inner 4", "outer"), log);
    }

    @Coroutine
    static int throwsAfterResume(int when) {
        Integer got = Co.yield("first");
        if (when == 1) {
            throw new IllegalArgumentException("after resume " + got);
        }
        return got;
    }

    @Test
    void exceptionsBeforeAtAndAfterASuspension() {
        List<String> log = new ArrayList<>();
        Generator<String> before = Generator.of(() -> {
            try {
                if (log.isEmpty()) {
                    throw new IllegalStateException("before");
                }
                Co.yield("never");
            } catch (IllegalStateException e) {
                Co.yield("caught " + e.getMessage());
            }
        });
        assertEquals(List.of("caught before"), Drain.all(before));

        Generator<String> after = Generator.of(() -> {
            try {
                throwsAfterResume(1);
            } catch (IllegalArgumentException e) {
                Co.yield("caught " + e.getMessage());
            }
        });
        assertEquals("first", after.next());
        assertEquals("caught after resume 7", after.send(7));
    }

    @Test
    void tryWithResourcesAcrossASuspension() {
        List<String> log = new ArrayList<>();
        class Resource implements AutoCloseable {
            @Override
            public void close() {
                log.add("resource closed");
            }
        }
        Generator<String> g = Generator.of(() -> {
            try (Resource r = new Resource()) {
                Co.yield("using");
                log.add("used " + (r != null));
            }
            Co.yield("done");
        });
        assertEquals(List.of("using", "done"), Drain.all(g));
        assertEquals(List.of("used true", "resource closed"), log);

        log.clear();
        Generator<String> closed = Generator.of(() -> {
            try (Resource r = new Resource()) {
                Co.yield("using");
            }
        });
        closed.next();
        closed.close();
        assertEquals(List.of("resource closed"), log);
    }

    @Test
    void catchInsideALoopKeepsIterating() {
        Generator<String> g = Generator.returning(() -> {
            int errors = 0;
            for (int i = 0; i < 3; i++) {
                try {
                    Co.yield("try " + i);
                } catch (RuntimeException e) {
                    errors++;
                    Co.yield("error " + errors + " at " + i);
                }
            }
            return errors;
        });
        assertEquals("try 0", g.next());
        assertEquals("error 1 at 0", g.throwIn(new RuntimeException()));
        assertEquals("try 1", g.next());
        assertEquals("try 2", g.next());
        assertEquals("error 2 at 2", g.throwIn(new RuntimeException()));
        assertEquals(List.of(), Drain.all(g));
        assertEquals(2, (int) g.returnValue());
    }

    @Test
    void multiCatchAndRethrow() {
        RuntimeException original = new UnsupportedOperationException("x");
        Generator<String> g = Generator.of(() -> {
            try {
                Co.yield("a");
            } catch (IllegalStateException | UnsupportedOperationException e) {
                Co.yield("multi " + e.getClass().getSimpleName());
                throw e;
            }
        });
        g.next();
        assertEquals("multi UnsupportedOperationException", g.throwIn(original));
        assertSame(original, assertThrows(UnsupportedOperationException.class, g::next));
    }

    @Test
    void handlerReadsLocalsAssignedBeforeTheSuspension() {
        Generator<String> g = Generator.returning(() -> {
            String context = "ctx-" + 42;
            int attempts = 3;
            try {
                Co.yield("waiting");
            } catch (RuntimeException e) {
                return context + " attempts=" + attempts;
            }
            return "no error";
        });
        g.next();
        assertThrows(io.jcoro.core.StopIteration.class, () -> g.throwIn(new RuntimeException()));
        assertEquals("ctx-42 attempts=3", g.returnValue());
    }
}
