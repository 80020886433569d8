package io.jcoro.tests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A thread's interrupt flag belongs to the thread: jcoro neither clears it nor sets it, across
 * suspensions, resumes, handshakes and thread changes.
 */
class InterruptTest {

    @AfterEach
    void clearFlag() {
        Thread.interrupted();
    }

    @Coroutine
    static void reportFlag(List<Boolean> seen, int times) {
        for (int i = 0; i < times; i++) {
            seen.add(Thread.currentThread().isInterrupted());
            Co.yield(i);
        }
    }

    @Test
    void aFlagSetBeforeAResumeIsSeenInsideAndKeptAfter() {
        List<Boolean> seen = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> reportFlag(seen, 3));
        g.next();
        Thread.currentThread().interrupt();
        g.next();
        assertTrue(Thread.currentThread().isInterrupted(), "not cleared by the resume");
        assertTrue(Thread.interrupted());
        g.next();
        assertEquals(List.of(false, true, false), seen, "and not invented afterwards");
    }

    @Test
    void aBodyThatInterruptsItsThreadLeavesTheFlagForTheCaller() {
        Generator<String> g = Generator.of(() -> {
            Thread.currentThread().interrupt();
            Co.yield("interrupted myself");
            Co.yield("flag inside: " + Thread.currentThread().isInterrupted());
        });
        assertEquals("interrupted myself", g.next());
        assertTrue(Thread.currentThread().isInterrupted(), "the suspension keeps the flag");
        assertEquals("flag inside: true", g.next());
        assertTrue(Thread.interrupted());
    }

    @Test
    void aBodyThatHandlesAnInterruptionCanSuspendAndGoOn() {
        Generator<String> g = Generator.of(() -> {
            try {
                Thread.sleep(60_000);
                Co.yield("slept");
            } catch (InterruptedException e) {
                Co.yield("woken, flag " + Thread.currentThread().isInterrupted());
                Thread.currentThread().interrupt(); // restore it, as good code does
                Co.yield("restored");
            }
        });
        Thread.currentThread().interrupt();
        assertEquals("woken, flag false", g.next(), "sleep consumed the flag, jcoro did not touch it");
        assertFalse(Thread.currentThread().isInterrupted());
        assertEquals("restored", g.next());
        assertTrue(Thread.interrupted());
    }

    @Test
    void theFlagDoesNotTravelWithTheGenerator() throws Exception {
        List<Boolean> seen = new ArrayList<>();
        Generator<Integer> g = Generator.of(() -> reportFlag(seen, 3));
        Thread.currentThread().interrupt();
        g.next();
        assertTrue(Thread.interrupted(), "still set on the first thread"); // (and cleared, to join)
        AtomicBoolean otherFlagAfter = new AtomicBoolean(true);
        Thread other = new Thread(() -> {
            g.next();
            otherFlagAfter.set(Thread.currentThread().isInterrupted());
        });
        other.start();
        other.join();
        assertEquals(List.of(true, false), seen);
        assertFalse(otherFlagAfter.get());
    }
}
