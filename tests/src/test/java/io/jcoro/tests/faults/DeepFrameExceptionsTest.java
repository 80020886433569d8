package io.jcoro.tests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.StopIteration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exceptions raised far below the body, after a resume: they cross every re-entered frame with
 * its handlers and finally blocks, carry the real frames in their stack trace, and leave the
 * generator finished and the thread able to run other generators.
 */
class DeepFrameExceptionsTest {
    private static final int DEPTH = 200;

    /** Recurses to depth 0, yields there; after the resume, fails at depth 0 if told to. */
    @Coroutine
    static long descend(int depth, List<String> log, long carried) {
        if (depth == 0) {
            String order = Co.yield("bottom");
            if (order.startsWith("fail")) {
                throw new IllegalStateException(order);
            }
            return carried;
        }
        try {
            long below = descend(depth - 1, log, carried + depth);
            return below + 1;
        } finally {
            if (depth % 50 == 0) {
                log.add("finally " + depth);
            }
        }
    }

    @Coroutine
    static long catchesAt(int level, int depth, List<String> log) {
        if (depth == level) {
            try {
                return descend(depth, log, 0);
            } catch (IllegalStateException e) {
                log.add("caught at " + level + ": " + e.getMessage());
                Co.yield("handled");
                return -1;
            }
        }
        return catchesAt(level, depth + 1, log) + 1;
    }

    @Test
    void anExceptionAfterAResumeCrossesEveryFrameAndItsFinallyBlocks() {
        List<String> log = new ArrayList<>();
        Generator<String> g = Generator.returning(() -> descend(DEPTH, log, 0));
        assertEquals("bottom", g.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> g.send("fail deep"));
        assertEquals("fail deep", e.getMessage());
        assertEquals(List.of("finally 50", "finally 100", "finally 150", "finally 200"), log);
        long frames = Arrays.stream(e.getStackTrace()).filter(f -> f.getMethodName().equals("descend")).count();
        assertEquals(DEPTH + 1, frames, "the stack trace shows every real frame");
        assertTrue(g.isDone());
        assertThrows(StopIteration.class, g::next);
        Generator<String> again = Generator.returning(() -> descend(3, new ArrayList<>(), 0));
        assertEquals("bottom", again.next(), "the thread runs the next generator as usual");
    }

    @Test
    void aHandlerHalfwayUpCatchesItAndTheGeneratorGoesOn() {
        List<String> log = new ArrayList<>();
        Generator<String> g = Generator.returning(() -> catchesAt(100, 0, log));
        assertEquals("bottom", g.next());
        assertEquals("handled", g.send("fail at the bottom"));
        assertEquals(List.of("finally 50", "finally 100", "caught at 100: fail at the bottom"), log);
        StopIteration stop = assertThrows(StopIteration.class, g::next);
        assertEquals(-1L + 100, (long) stop.<Long>value());
    }

    @Test
    void anExceptionThrownInIsRaisedAtTheBottomOfADeepStack() {
        List<String> log = new ArrayList<>();
        Generator<String> g = Generator.returning(() -> descend(DEPTH, log, 0));
        g.next();
        UnsupportedOperationException thrown = new UnsupportedOperationException("from outside");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> g.throwIn(thrown));
        assertEquals(thrown, e);
        assertEquals(4, log.size());
        assertTrue(g.isDone());
    }

    @Test
    void theCarriedValuesSurviveTheDepth() {
        Generator<String> g = Generator.returning(() -> descend(DEPTH, new ArrayList<>(), 7));
        g.next();
        StopIteration stop = assertThrows(StopIteration.class, () -> g.send("ok"));
        assertEquals(7L + (long) DEPTH * (DEPTH + 1) / 2 + DEPTH, (long) stop.<Long>value());
    }
}
