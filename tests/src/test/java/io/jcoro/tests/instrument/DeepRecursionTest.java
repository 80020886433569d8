package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorState;
import io.jcoro.core.Jcoro;
import io.jcoro.core.StopIteration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Coroutines thousands of frames deep: suspending and resuming at the bottom, a resume that runs
 * out of stack while re-entering the frames (the generator must stay suspended, intact, and
 * resume from a thread with a larger stack), {@code suspendedFrames()} on a deep generator from a
 * thread too small to re-enter it, and a coroutine class loaded for the first time at the edge of
 * the stack (the transformer runs out of stack there, and must still instrument it).
 */
class DeepRecursionTest {
    /** Too deep to re-enter on {@link #SMALL}: a frame takes 50 to 200 bytes. */
    private static final int DEEP = 20_000;
    private static final long LARGE = 512L << 20;
    private static final long SMALL = 256 << 10;

    /** {@code finally} blocks of {@link #descend} run so far. */
    private static int finallies;
    /** The stack at the bottom of the recursion, as the JVM reports it, on the way down. */
    private static List<StackTraceElement> atTheBottom;

    @BeforeEach
    void reset() {
        finallies = 0;
        atTheBottom = null;
    }

    /**
     * Sums 0 .. depth-1 on the way down, adds 1 per frame on the way up; at the bottom yields
     * "bottom", then yields what it was sent.
     */
    @Coroutine
    static long descend(int n, int depth, long acc) {
        try {
            if (n == depth) {
                atTheBottom = callers();
                Object sent = Co.yield("bottom"); // must stay on the line after callers()
                Co.yield(sent);
                return acc;
            }
            long below = descend(n + 1, depth, acc + n);
            return below + 1;
        } finally {
            finallies++;
        }
    }

    /** @return the stack of the caller, innermost first */
    private static List<StackTraceElement> callers() {
        return StackWalker.getInstance().walk(s -> s.skip(1).map(StackWalker.StackFrame::toStackTraceElement)
                .collect(Collectors.toList()));
    }

    private static long expected(int depth) {
        return (long) depth * (depth - 1) / 2 + depth;
    }

    private static Generator<Object> generator(int depth) {
        return Generator.returning(() -> descend(0, depth, 0));
    }

    /** Runs {@code work} on a new thread with {@code stack} bytes of stack; rethrows what it threw. */
    private static <T> T on(long stack, Callable<T> work) throws Throwable {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(null, task, "stack " + stack, stack);
        t.start();
        t.join();
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    /** The frames suspendedFrames() must report: as the JVM saw them at the yield, innermost first. */
    private static List<String> expectedFrames(int depth) {
        List<String> frames = atTheBottom.stream()
                .takeWhile(f -> !f.getClassName().startsWith("io.jcoro.core."))
                .map(f -> f.getMethodName() + ":" + f.getLineNumber())
                .collect(Collectors.toList());
        StackTraceElement bottom = atTheBottom.get(0);
        frames.set(0, bottom.getMethodName() + ":" + (bottom.getLineNumber() + 1)); // the yield
        assertEquals(depth + 2, frames.size(), "descend x (depth + 1), then the body lambda: " + frames.subList(0, 3));
        return frames;
    }

    private static List<String> described(List<StackTraceElement> frames) {
        return frames.stream().map(f -> f.getMethodName() + ":" + f.getLineNumber()).collect(Collectors.toList());
    }

    /** Like assertEquals on the lists, with a message that shows where they part, not 20,000 frames. */
    private static void assertSameFrames(List<String> expected, List<String> actual) {
        int i = 0;
        while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        if (i < expected.size() || i < actual.size()) {
            throw new AssertionError("frames differ at " + i + " of " + expected.size() + "/" + actual.size()
                    + ": expected " + expected.subList(i, Math.min(i + 3, expected.size()))
                    + ", got " + actual.subList(i, Math.min(i + 3, actual.size())));
        }
    }

    @Test
    void recursesThousandsDeepAndSuspendsAtTheBottom() throws Throwable {
        int depth = 2_000;
        Generator<Object> g = generator(depth);
        on(LARGE, () -> {
            assertEquals("bottom", g.next());
            assertSameFrames(expectedFrames(depth), described(g.suspendedFrames()));
            assertEquals("sent", g.send("sent"));
            assertEquals(0, finallies, "no finally block runs while suspending and resuming");
            assertThrows(StopIteration.class, g::next);
            return null;
        });
        assertEquals(expected(depth), (long) g.returnValue());
        assertEquals(depth + 1, finallies);
    }

    @Test
    void anOverflowWhileResumingLeavesTheGeneratorSuspendedAndIntact() throws Throwable {
        Generator<Object> g = generator(DEEP);
        assertEquals("bottom", on(LARGE, g::next));

        assertThrows(StackOverflowError.class, () -> on(SMALL, () -> g.send("lost")));
        assertEquals(GeneratorState.SUSPENDED, g.state());
        assertThrows(StackOverflowError.class, () -> on(SMALL, () -> g.throwIn(new IllegalStateException("lost"))));
        assertEquals(GeneratorState.SUSPENDED, g.state());
        assertEquals(0, finallies, "no handler of a half-restored frame ran");

        assertEquals("sent", on(LARGE, () -> g.send("sent")), "neither failed resume delivered its value");
        assertThrows(StopIteration.class, () -> on(LARGE, g::next));
        assertEquals(expected(DEEP), (long) g.returnValue(), "every frame's locals survived");
        assertEquals(DEEP + 1, finallies);
    }

    @Test
    void suspendedFramesReadsTheSavedStateAndRunsNoFrame() throws Throwable {
        Generator<Object> g = generator(DEEP);
        assertEquals("bottom", on(LARGE, g::next));
        List<String> expected = expectedFrames(DEEP);

        List<StackTraceElement> frames = on(SMALL, g::suspendedFrames); // could not re-enter DEEP frames
        assertSameFrames(expected, described(frames));
        assertEquals(DeepRecursionTest.class.getName(), frames.get(0).getClassName());
        assertEquals("DeepRecursionTest.java", frames.get(0).getFileName());
        assertEquals(0, finallies);
        assertEquals(GeneratorState.SUSPENDED, g.state());

        assertEquals("sent", on(LARGE, () -> g.send("sent")));
        List<String> now = described(g.suspendedFrames());
        assertSameFrames(expected.subList(1, expected.size()), now.subList(1, now.size()));
        assertThrows(StopIteration.class, () -> on(LARGE, g::next));
        assertEquals(expected(DEEP), (long) g.returnValue());
    }

    // ---- a coroutine class first loaded at the edge of the stack ---------------------------------

    /** Loaded only by {@link #loadAtTheEdge}; no signature names it, so nothing loads it before. */
    static final class FirstLoadedAtTheEdge {
        @Coroutine
        static void twice() {
            Co.yield(1);
            Co.yield(2);
        }
    }

    private static final String FRESH = DeepRecursionTest.class.getName() + "$FirstLoadedAtTheEdge";

    /**
     * Recurses until the stack overflows, then tries to load the class at every level on the way
     * back up: the first attempts overflow at once, the later ones deeper and deeper inside class
     * loading, among them inside the agent's transformer.
     */
    private static Class<?> loadAtTheEdge(int n) {
        try {
            Class<?> c = loadAtTheEdge(n + 1);
            if (c != null) {
                return c;
            }
        } catch (StackOverflowError below) {
            // the edge: start trying from here
        }
        try {
            return Class.forName(FRESH, false, DeepRecursionTest.class.getClassLoader());
        } catch (StackOverflowError | ClassNotFoundException | LinkageError tooDeep) {
            return null; // a ClassNotFoundException may wrap an overflow: try one frame higher
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("needs-agent") // what it tests is the agent's transformer at the edge
    void aCoroutineClassFirstLoadedAtTheEdgeOfTheStackIsInstrumented() throws Throwable {
        Jcoro.install(); // self-attached runs: the agent must be there when the class loads
        assertNotNull(on(SMALL, () -> loadAtTheEdge(0)));
        Generator<Object> g = Generator.of(() -> FirstLoadedAtTheEdge.twice());
        assertEquals(List.of(1, 2), io.jcoro.tests.Drain.all(g));
    }
}
