package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.GeneratorExit;
import io.jcoro.sched.ReadWait;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.SystemCall;
import io.jcoro.sched.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A task that fails is reported and exits; the scheduler and the other tasks go on. */
@Timeout(30)
class FailureIsolationTest {
    final List<String> log = new ArrayList<>();
    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);

    @Test
    void aFailingTaskIsReportedAndTheOthersGoOn() {
        sched.spawn(() -> {
            for (int i = 0; i < 3; i++) {
                log.add("a" + i);
                Co.yield(null);
            }
        });
        Task bad = sched.spawn(() -> {
            log.add("bad");
            Co.yield(null);
            throw new IllegalStateException("boom");
        });
        sched.spawn(() -> {
            for (int i = 0; i < 3; i++) {
                log.add("c" + i);
                Co.yield(null);
            }
        });
        sched.run();
        assertEquals(List.of("a0", "bad", "c0", "a1", "c1", "a2", "c2"), log);
        assertEquals(List.of(bad), failed);
        assertEquals(Task.State.FAILED, bad.state());
        assertEquals("boom", bad.failure().getMessage());
    }

    @Test
    void byDefaultAFailureIsPrintedWithTheTaskIdAndTheException() {
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Scheduler plain = new Scheduler();
            plain.spawn(() -> Co.yield(null));
            plain.spawn(() -> {
                throw new IllegalArgumentException("bad argument");
            });
            plain.run();
        } finally {
            System.setErr(savedErr);
        }
        String report = err.toString(StandardCharsets.UTF_8);
        assertTrue(report.startsWith("Task 2 failed: java.lang.IllegalArgumentException: bad argument"), report);
        assertTrue(report.contains("\tat "), "with the stack trace: " + report);
    }

    @Test
    void errorsAreIsolatedToo() {
        sched.spawn(() -> {
            throw new AssertionError("an Error, not an Exception");
        });
        sched.spawn(() -> log.add("still here"));
        sched.run();
        assertEquals(List.of("still here"), log);
        assertInstanceOf(AssertionError.class, failed.get(0).failure());
    }

    @Test
    void anExceptionInASystemCallIsRaisedInTheCallerAtItsYield() {
        SystemCall broken = (kernel, task) -> {
            throw new UnsupportedOperationException("no such service");
        };
        sched.spawn(() -> {
            try {
                Co.yield(broken);
            } catch (UnsupportedOperationException e) {
                log.add("caught " + e.getMessage());
            }
            log.add("task " + Syscalls.getTid() + " goes on");
        });
        sched.run();
        assertEquals(List.of("caught no such service", "task 1 goes on"), log);
    }

    @Test
    void waitingOnABlockingChannelIsRefusedClearly() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            Task t = sched.spawn(() -> Co.yield(new ReadWait(source)));
            sched.run();
            assertInstanceOf(IllegalBlockingModeException.class, t.failure());
        }
    }

    @Test
    void cleanUpThatThrowsDuringAKillMakesTheVictimFailed() {
        Task victim = sched.spawn(() -> {
            try {
                while (true) {
                    Co.yield(null);
                }
            } finally {
                throw new IllegalStateException("cleanup failed");
            }
        });
        sched.spawn(() -> log.add("killed: " + Syscalls.killTask(victim.id())));
        sched.run();
        assertEquals(List.of("killed: true"), log);
        assertEquals(Task.State.FAILED, victim.state());
        assertEquals("cleanup failed", victim.failure().getMessage());
        assertEquals(List.of(victim), failed);
    }

    @Test
    void aVictimThatIgnoresTheKillIsReportedAndDropped() {
        Task stubborn = sched.spawn(() -> {
            while (true) {
                try {
                    log.add("stubborn");
                    Co.yield(null);
                } catch (GeneratorExit e) {
                    log.add("ignores the kill");
                }
            }
        });
        sched.spawn(() -> {
            Co.yield(null);
            log.add("killed: " + Syscalls.killTask(stubborn.id()));
            Co.yield(null);
            log.add("killer done");
        });
        sched.run();
        assertEquals(List.of("stubborn", "stubborn", "ignores the kill", "stubborn", "killed: true", "killer done"), log);
        assertEquals(Task.State.FAILED, stubborn.state());
        assertEquals("generator ignored GeneratorExit", stubborn.failure().getMessage());
    }

    @Test
    void waitersOfAFailedTaskAreWoken() {
        Task bad = sched.spawn(() -> {
            Co.yield(null);
            throw new IllegalStateException("gone");
        });
        sched.spawn(() -> log.add("woke: " + Syscalls.waitTask(bad.id()).failure().getMessage()));
        sched.run();
        assertEquals(List.of("woke: gone"), log);
    }
}
