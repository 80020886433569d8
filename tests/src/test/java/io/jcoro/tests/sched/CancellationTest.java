package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.CoRunnable;
import io.jcoro.sched.CancelScope;
import io.jcoro.sched.CancelTask;
import io.jcoro.sched.Cancelled;
import io.jcoro.sched.ReadWait;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.SystemCall;
import io.jcoro.sched.Task;
import java.io.IOException;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cancelling a task throws {@link Cancelled} in at its suspension point, whatever it waits on;
 * its {@code finally} blocks run, a shield holds the cancellation off, and waiters see
 * {@code CANCELLED}. The faults injected: a cancel arriving while the victim sleeps for an hour,
 * waits on a pipe that never gets data, waits for a task that never ends, is ready, or has not
 * started.
 */
@Timeout(30)
class CancellationTest {
    final List<String> log = new ArrayList<>();
    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);

    @Test
    void aSleepingTaskIsCancelledAtItsSuspensionPointAndItsFinallyRuns() {
        Task sleeper = sched.spawn(() -> {
            try {
                Syscalls.sleep(3_600_000);
                log.add("woke");
            } finally {
                log.add("sleeper cleanup");
            }
        });
        sched.spawn(() -> {
            Task done = Syscalls.cancelTask(sleeper.id());
            log.add("canceller sees " + done.state());
        });
        sched.run();
        assertEquals(List.of("sleeper cleanup", "canceller sees CANCELLED"), log);
        assertTrue(sleeper.isCancelled());
        assertNull(sleeper.failure(), "a cancellation is not a failure");
        assertTrue(failed.isEmpty(), "and is not reported");
    }

    @Test
    void aTaskWaitingForIoOrForAnotherTaskIsCancelledToo() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            source.configureBlocking(false);
            Task reader = sched.spawn(() -> {
                try {
                    Co.yield(new ReadWait(source));
                } catch (Cancelled c) {
                    log.add("reader cancelled, scope " + c.scope());
                    throw c;
                }
            });
            Task forever = sched.spawn(() -> Syscalls.sleep(3_600_000));
            Task waiter = sched.spawn(() -> Syscalls.waitTask(forever.id()));
            sched.spawn(() -> {
                Co.yield(null); // let them all suspend first
                Syscalls.cancelTask(reader.id());
                Syscalls.cancelTask(waiter.id());
                Syscalls.cancelTask(forever.id());
            });
            sched.run();
            assertEquals(List.of("reader cancelled, scope null"), log);
            for (Task t : List.of(reader, waiter, forever)) {
                assertEquals(Task.State.CANCELLED, t.state(), t.toString());
            }
            assertEquals(0, sched.taskCount());
        }
    }

    @Test
    void catchingExceptionDoesNotSwallowACancellation() {
        Task victim = sched.spawn(() -> {
            try {
                Syscalls.sleep(3_600_000);
            } catch (Exception e) {
                log.add("swallowed " + e);
            }
            log.add("went on");
        });
        sched.spawn(() -> Syscalls.cancelTask(victim.id()));
        sched.run();
        assertEquals(List.of(), log);
        assertTrue(victim.isCancelled());
    }

    @Test
    void aShieldHoldsTheCancellationOffUntilItCloses() {
        Task victim = sched.spawn(() -> {
            try {
                Syscalls.sleep(3_600_000);
            } finally {
                // clean-up that must suspend: shielded, it finishes
                try (CancelScope shield = CancelScope.shield()) {
                    Syscalls.sleep(1);
                    Co.yield(null);
                    log.add("shielded clean-up done");
                }
                log.add("after the shield");
                Co.yield(null); // the cancellation is still there: thrown here, again
                log.add("never");
            }
        });
        sched.spawn(() -> {
            Task done = Syscalls.cancelTask(victim.id());
            log.add("victim " + done.state());
        });
        sched.run();
        assertEquals(List.of("shielded clean-up done", "after the shield", "victim CANCELLED"), log);
    }

    @Test
    void aCancelDuringAShieldIsDeliveredAtTheFirstSuspensionAfterIt() {
        Task victim = sched.spawn(() -> {
            try (CancelScope shield = CancelScope.shield()) {
                Syscalls.sleep(20);              // the cancel arrives here, and waits
                log.add("shield done");
            }
            try {
                Co.yield(null);
                log.add("never");
            } catch (Cancelled c) {
                log.add("cancelled after the shield");
                throw c;
            }
        });
        sched.spawn(() -> {
            Co.yield(null);
            log.add("cancel sent");
            Syscalls.cancelTask(victim.id());
        });
        sched.run();
        assertEquals(List.of("cancel sent", "shield done", "cancelled after the shield"), log);
        assertTrue(victim.isCancelled());
    }

    @Test
    void aTaskThatHasNotStartedNeverRuns() {
        sched.spawn(() -> {
            // spawned and cancelled in one system call, before it can run
            Task child = Co.yield((SystemCall) (kernel, task) -> {
                Task c = kernel.spawn((CoRunnable) () -> log.add("child ran"));
                kernel.cancel(c);
                log.add("child " + c.state());
                kernel.resume(task, c);
            });
            Co.yield(null);
            log.add("child " + child.state());
        });
        Task[] late = new Task[1];
        sched.spawn(() -> {
            Task done = Co.yield(new CancelTask(late[0].id())); // queued behind this task: not started
            log.add("late " + done.state());
        });
        late[0] = sched.spawn(() -> log.add("late ran"));
        sched.run();
        assertEquals(List.of("child READY", "late CANCELLED", "child CANCELLED"), log);
    }

    @Test
    void aReadyTaskIsCancelledAtItsNextSuspension() {
        Task[] victim = new Task[1];
        sched.spawn(() -> {
            Co.yield(null);
            Syscalls.cancelTask(victim[0].id()); // the victim is in the ready queue now
        });
        victim[0] = sched.spawn(() -> {
            try {
                for (int i = 0; i < 100; i++) {
                    log.add("step " + i);
                    Co.yield(null);
                }
            } catch (Cancelled c) {
                log.add("cancelled");
                throw c;
            }
        });
        sched.run();
        assertEquals(List.of("step 0", "step 1", "cancelled"), log);
    }

    @Test
    void aTaskThatCatchesItsCancellationAndGoesOnIsAllowedButSeenAsReturned() {
        Task stubborn = sched.spawn(() -> {
            try {
                Syscalls.sleep(3_600_000);
            } catch (Cancelled c) {
                log.add("caught");
            }
            return;
        });
        sched.spawn(() -> log.add("state " + Syscalls.cancelTask(stubborn.id()).state()));
        sched.run();
        assertEquals(List.of("caught", "state RETURNED"), log);
    }

    @Test
    void cancellingANonexistentOrFinishedTaskIsHarmless() {
        Task quick = sched.spawn(() -> log.add("quick"));
        sched.spawn(() -> {
            Co.yield(null);
            log.add("missing " + Syscalls.cancelTask(999));
            log.add("finished " + Syscalls.cancelTask(quick.id()));
        });
        sched.run();
        assertEquals(List.of("quick", "missing null", "finished null"), log);
        assertEquals(Task.State.RETURNED, quick.state());
    }

    @Test
    void aTaskCancelsItselfAtItsNextSuspension() {
        Task self = sched.spawn(() -> {
            Syscalls.cancelTask(Syscalls.getTid());
            log.add("still running");
            Co.yield(null);
            log.add("never");
        });
        sched.run();
        assertEquals(List.of("still running"), log);
        assertTrue(self.isCancelled());
    }

    @Test
    void aCancelScopeCancelledByAnotherTaskEndsOnlyItsBlock() {
        CancelScope[] scope = new CancelScope[1];
        Task owner = sched.spawn(() -> {
            try (CancelScope s = CancelScope.open()) {
                scope[0] = s;
                Syscalls.sleep(3_600_000);
            } catch (Cancelled c) {
                log.add("mine: " + (c.scope() == scope[0]));
            }
            Co.yield(null);
            log.add("owner goes on");
        });
        sched.spawn(() -> {
            Co.yield(null);
            scope[0].cancel();
            log.add("cancelled " + scope[0].isCancelled());
        });
        sched.run();
        assertEquals(List.of("cancelled true", "mine: true", "owner goes on"), log);
        assertEquals(Task.State.RETURNED, owner.state());
    }

    @Test
    void scopesCloseInnermostFirstAndOnlyInsideATask() {
        IllegalStateException outside = assertThrows(IllegalStateException.class, CancelScope::open);
        assertTrue(outside.getMessage().contains("task of a Scheduler"), outside.getMessage());
        Task t = sched.spawn(() -> {
            CancelScope outer = CancelScope.open();
            CancelScope inner = CancelScope.shield();
            IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
            log.add(e.getMessage());
            inner.close();
            outer.close();
            outer.close(); // the second time does nothing
        });
        sched.run();
        assertEquals(Task.State.RETURNED, t.state(), () -> String.valueOf(t.failure()));
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("close scopes innermost first"), log.get(0));
    }

    @Test
    void cancelledIsAnErrorSoOrdinaryHandlersLetItPass() {
        assertInstanceOf(Error.class, new Cancelled(null, "x"));
        assertFalse(Exception.class.isAssignableFrom(Cancelled.class));
        assertSame(null, new Cancelled(null, "x").scope());
    }
}
