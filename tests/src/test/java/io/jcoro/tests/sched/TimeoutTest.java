package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.net.Connection;
import io.jcoro.net.Listener;
import io.jcoro.sched.CancelScope;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import io.jcoro.sched.TaskTimeout;
import java.io.IOException;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deadlines on every suspending call: a {@link CancelScope} deadline throws {@link TaskTimeout}
 * in at the suspension point, whatever the task waits on, and its {@code finally} blocks run;
 * {@code moveOnAfter} carries on; a wait's own timeout ends the wait with false. The faults
 * injected: a peer that never sends or never connects, a pipe that never gets data, a task that
 * never ends, a sleep of an hour. Deadlines are short and the things waited for never happen,
 * so no assertion depends on how fast the machine is.
 */
@Timeout(60)
class TimeoutTest {
    static final Duration SHORT = Duration.ofMillis(30);

    final List<String> log = new ArrayList<>();
    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);

    @Test
    void aDeadlineInterruptsASleepAndFinallyRuns() {
        sched.spawn(() -> {
            long start = System.nanoTime();
            try (CancelScope deadline = CancelScope.failAfter(SHORT)) {
                try {
                    Syscalls.sleep(3_600_000);
                    log.add("slept an hour");
                } finally {
                    log.add("finally");
                }
            } catch (TaskTimeout e) {
                log.add("timed out");
                assertTrue(System.nanoTime() - start >= SHORT.toNanos(), "not before the deadline");
            }
        });
        sched.run();
        assertEquals(List.of("finally", "timed out"), log);
    }

    @Test
    void everySuspendingCallTimesOut() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink();
             Listener nobodyConnects = Listener.bind(0); Listener neverAccepts = Listener.bind(0)) {
            source.configureBlocking(false);
            Task forever = sched.spawn(() -> Syscalls.sleep(3_600_000));
            List<String> calls = List.of("accept", "recv", "sendAll", "readWait", "waitTask", "sleep");
            for (String call : calls) {
                sched.spawn(() -> {
                    try (CancelScope deadline = CancelScope.failAfter(SHORT)) {
                        switch (call) {
                            case "accept" -> nobodyConnects.accept();
                            case "recv", "sendAll" -> {
                                try (Connection c = Connection.connect(neverAccepts.address())) {
                                    if (call.equals("recv")) {
                                        c.recv(10);        // the listener never accepts, nobody sends
                                    } else {
                                        while (true) {
                                            c.sendAll(new byte[1 << 20]); // nobody reads: the buffers fill
                                        }
                                    }
                                }
                            }
                            case "readWait" -> Syscalls.readWait(source);
                            case "waitTask" -> Syscalls.waitTask(forever.id());
                            default -> Syscalls.sleep(3_600_000);
                        }
                        log.add(call + " returned");
                    } catch (TaskTimeout e) {
                        log.add(call + " timed out");
                    }
                });
            }
            sched.spawn(() -> {
                Syscalls.sleep(SHORT.multipliedBy(3));
                try (CancelScope d = CancelScope.failAfter(SHORT)) {
                    Syscalls.waitTask(forever.id());
                } catch (TaskTimeout e) {
                    Syscalls.cancelTask(forever.id());
                }
            });
            sched.run();
            List<String> expected = new ArrayList<>();
            for (String call : calls) {
                expected.add(call + " timed out");
            }
            log.sort(null);
            expected.sort(null);
            assertEquals(expected, log);
            assertTrue(failed.isEmpty(), () -> failed.toString());
        }
    }

    @Test
    void moveOnAfterCarriesOnAndSaysWhetherTheBodyFinished() {
        sched.spawn(() -> {
            boolean finished = Syscalls.moveOnAfter(SHORT, () -> {
                try {
                    Syscalls.sleep(3_600_000);
                } finally {
                    log.add("body cleanup");
                }
            });
            log.add("slow body finished: " + finished);
            log.add("quick body finished: " + Syscalls.moveOnAfter(Duration.ofHours(1), () -> Syscalls.sleep(1)));
        });
        sched.run();
        assertEquals(List.of("body cleanup", "slow body finished: false", "quick body finished: true"), log);
    }

    @Test
    void anOuterDeadlinePassesThroughAnInnerMoveOn() {
        sched.spawn(() -> {
            try (CancelScope outer = CancelScope.failAfter(SHORT)) {
                Syscalls.moveOnAfter(Duration.ofHours(1), () -> Syscalls.sleep(3_600_000));
                log.add("inner moved on");
            } catch (TaskTimeout e) {
                log.add("outer timed out");
            }
        });
        sched.run();
        assertEquals(List.of("outer timed out"), log);
    }

    @Test
    void theInnerDeadlineFiresFirstAndTheOuterStillHolds() {
        sched.spawn(() -> {
            CancelScope outer = CancelScope.failAfter(Duration.ofMillis(300));
            try (outer) {
                try (CancelScope inner = CancelScope.failAfter(SHORT)) {
                    Syscalls.sleep(3_600_000);
                } catch (TaskTimeout e) {
                    log.add("inner first: " + (e.scope() != outer));
                }
                Syscalls.sleep(3_600_000);
            } catch (TaskTimeout e) {
                assertSame(outer, e.scope());
                log.add("then outer");
            }
        });
        sched.run();
        assertEquals(List.of("inner first: true", "then outer"), log);
    }

    @Test
    void aDeadlineThatPassesWhileTheTaskComputesFiresAtItsNextSuspension() {
        sched.spawn(() -> {
            try (CancelScope deadline = CancelScope.failAfter(SHORT)) {
                long until = System.nanoTime() + SHORT.toNanos() * 2;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait(); // busy, no suspension: nothing can interrupt it
                }
                log.add("computed");
                Co.yield(null);       // a plain yield is a suspension too
                log.add("never");
            } catch (TaskTimeout e) {
                log.add("timed out at the yield");
            }
        });
        sched.run();
        assertEquals(List.of("computed", "timed out at the yield"), log);
    }

    @Test
    void aWaitsOwnTimeoutEndsTheWaitWithFalse() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            source.configureBlocking(false);
            sched.spawn(() -> {
                log.add("ready: " + Syscalls.readWait(source, SHORT));
                sink.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
                log.add("ready: " + Syscalls.readWait(source, Duration.ofHours(1)));
            });
            sched.run();
            assertEquals(List.of("ready: false", "ready: true"), log);
        }
    }

    @Test
    void aTimeoutThatEscapesATaskIsAReportedFailure() {
        Task t = sched.spawn(() -> {
            try (CancelScope deadline = CancelScope.failAfter(SHORT)) {
                Syscalls.sleep(3_600_000);
            }
        });
        sched.run();
        assertEquals(Task.State.FAILED, t.state());
        assertInstanceOf(TaskTimeout.class, t.failure());
        assertEquals(List.of(t), failed);
    }

    @Test
    void anExpiredScopeStaysCancelledButAShieldInsideItLetsCleanUpSuspend() {
        sched.spawn(() -> {
            try (CancelScope deadline = CancelScope.failAfter(SHORT)) {
                try {
                    Syscalls.sleep(3_600_000);
                } finally {
                    try {
                        Syscalls.sleep(1);
                    } catch (TaskTimeout again) {
                        log.add("unshielded clean-up times out again");
                    }
                    try (CancelScope shield = CancelScope.shield()) {
                        Syscalls.sleep(1);
                        log.add("shielded clean-up slept");
                    }
                }
            } catch (TaskTimeout e) {
                log.add("timed out");
            }
        });
        sched.run();
        assertEquals(List.of("unshielded clean-up times out again", "shielded clean-up slept", "timed out"), log);
    }
}
