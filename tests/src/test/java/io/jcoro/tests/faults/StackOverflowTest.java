package io.jcoro.tests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.GeneratorState;
import io.jcoro.core.StopIteration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A StackOverflowError inside a coroutine, whether while running or while capturing (a yield at
 * the very edge of the stack): the generator finishes with the error, and the thread, the JVM and
 * other generators carry on. While restoring (a deep generator resumed on a thread with a smaller
 * stack), the resume is undone instead: the generator stays suspended and can be resumed where
 * the stack suffices.
 */
class StackOverflowTest {

    @Coroutine
    static int bottomless(int n) {
        if (n % 4096 == 0) {
            Co.yield(n);
        }
        return bottomless(n + 1) + 1;
    }

    @Coroutine
    static int deep(int n) {
        if (n == 0) {
            return Co.<Integer>yield("deep") + 1;
        }
        return deep(n - 1) + 1;
    }

    @Coroutine
    static void counter(int limit) {
        for (int i = 0; i < limit; i++) {
            Co.yield(i);
        }
    }

    /** Runs on a thread of its own, with a known stack size. */
    private static Throwable onThread(long stackSize, Runnable task) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                task.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", stackSize);
        t.start();
        t.join();
        return failure.get();
    }

    @Test
    void anOverflowWhileRunningFinishesTheGeneratorCleanly() throws Exception {
        Generator<Integer> other = Generator.of(() -> counter(5));
        assertEquals(0, other.next());
        Generator<Integer> g = Generator.returning(() -> bottomless(1));
        Throwable failure = onThread(512 * 1024, () -> {
            while (true) {
                g.next(); // suspends every 4096 frames (capture and restore at depth), then overflows
            }
        });
        assertInstanceOf(StackOverflowError.class, failure);
        assertEquals(GeneratorState.CLOSED, g.state());
        assertThrows(StopIteration.class, g::next);
        assertEquals(List.of(1, 2, 3, 4), List.of(other.next(), other.next(), other.next(), other.next()),
                "a generator suspended before is untouched");
        Generator<Integer> fresh = Generator.of(() -> counter(2));
        assertEquals(0, fresh.next(), "the thread's generator machinery is intact");
    }

    @Test
    void anOverflowWhileRestoringOnASmallerStackLeavesTheGeneratorSuspended() throws Exception {
        Generator<Object> g = Generator.returning(() -> deep(20_000));
        Throwable onBigStack = onThread(256L * 1024 * 1024, () -> assertEquals("deep", g.next()));
        assertEquals(null, onBigStack);
        Throwable onSmallStack = onThread(256 * 1024, () -> g.send(1));
        assertInstanceOf(StackOverflowError.class, onSmallStack, "re-entering 20000 frames needs the stack");
        assertEquals(GeneratorState.SUSPENDED, g.state());
        Throwable after = onThread(256 * 1024, () -> assertEquals(0, Generator.of(() -> counter(1)).next()));
        assertEquals(null, after);
        Throwable resumed = onThread(256L * 1024 * 1024, () -> {
            StopIteration stop = assertThrows(StopIteration.class, () -> g.send(1));
            assertEquals(20_002, (int) stop.<Integer>value());
        });
        assertEquals(null, resumed, "resumed where the stack suffices, as if the failed resume never happened");
    }

    @Test
    void aDeepGeneratorMovesToAThreadWithEnoughStack() throws Exception {
        Generator<Object> g = Generator.returning(() -> deep(20_000));
        assertEquals(null, onThread(256L * 1024 * 1024, () -> assertEquals("deep", g.next())));
        Throwable done = onThread(256L * 1024 * 1024, () -> {
            StopIteration stop = assertThrows(StopIteration.class, () -> g.send(1));
            assertEquals(20_002, (int) stop.<Integer>value());
        });
        assertEquals(null, done);
        assertTrue(g.isDone());
    }
}
