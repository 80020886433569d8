package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.sched.CancelScope;
import io.jcoro.sched.Event;
import io.jcoro.sched.Lock;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Semaphore;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.SystemCall;
import io.jcoro.sched.Task;
import io.jcoro.sched.TaskTimeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Event, Semaphore and Lock for tasks: who waits, who is woken, and that nothing leaks when a waiter gives up. */
@Timeout(30)
class SyncTest {
    final List<String> log = new ArrayList<>();
    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);

    @Test
    void setWakesEveryWaiterAndLaterWaitsReturnAtOnce() {
        Event ready = new Event("ready");
        for (int i = 1; i <= 3; i++) {
            int n = i;
            sched.spawn(() -> {
                ready.await();
                log.add("waiter " + n);
            });
        }
        sched.spawn(() -> {
            Syscalls.sleep(10);
            log.add("set, " + ready.waiting() + " waiting");
            ready.set();
            ready.await();
            log.add("setter passes");
        });
        sched.run();
        assertEquals(List.of("set, 3 waiting", "setter passes", "waiter 1", "waiter 2", "waiter 3"), log);
    }

    @Test
    void aSemaphoreBoundsHowManyTasksHoldAPermit() {
        Semaphore slots = new Semaphore("slots", 2);
        int[] inside = {0, 0};
        for (int i = 0; i < 6; i++) {
            sched.spawn(() -> {
                slots.acquire();
                try {
                    inside[1] = Math.max(inside[1], ++inside[0]);
                    Syscalls.sleep(5);
                } finally {
                    inside[0]--;
                    slots.release();
                }
            });
        }
        sched.run();
        assertEquals(2, inside[1], "at most two at once, and two did overlap");
        assertEquals(2, slots.available());
    }

    @Test
    void aWaiterThatTimesOutHoldsNoPermitAndLosesNone() {
        // Ordered by events, not by clocks: the holder keeps the permit until the impatient
        // waiter has given up, and the patient one queues behind it from the start.
        Semaphore one = new Semaphore("one", 1);
        Event gaveUp = new Event("gave up");
        sched.spawn(() -> {
            one.acquire();
            gaveUp.await();
            one.release();
        });
        sched.spawn(() -> {
            try (CancelScope deadline = CancelScope.failAfter(Duration.ofMillis(10))) {
                one.acquire();
                log.add("impatient got it?!");
            } catch (TaskTimeout e) {
                log.add("impatient gave up, " + one.waiting() + " waiting");
            }
            gaveUp.set();
        });
        sched.spawn(() -> {
            one.acquire();
            log.add("patient got it");
            one.release();
        });
        sched.run();
        assertEquals(List.of("impatient gave up, 1 waiting", "patient got it"), log);
        assertEquals(1, one.available(), "no permit lost");
    }

    @Test
    void aPermitHandedToAKilledWaiterIsReleased() {
        Semaphore one = new Semaphore("one", 1);
        Task victim = sched.spawn(() -> {
            Syscalls.sleep(5);
            one.acquire();
            log.add("victim ran?!");
        });
        sched.spawn(() -> {
            one.acquire();
            Syscalls.sleep(20);                       // the victim waits for the permit
            Co.yield((SystemCall) (k, me) -> {
                one.release();                        // handed to the victim...
                k.kill(victim.id());                  // ...which is killed before it runs
                k.resume(me, null);
            });
            log.add("available " + one.available());
        });
        sched.run();
        assertEquals(List.of("available 1"), log);
    }

    @Test
    void aLockIsHeldAcrossSuspensionsAndHandedOverInOrder() {
        Lock lock = new Lock("out");
        for (int i = 1; i <= 3; i++) {
            int n = i;
            sched.spawn(() -> {
                lock.acquire();
                try {
                    log.add(n + " in");
                    Syscalls.sleep(2);                // the others run, but cannot enter
                    log.add(n + " out");
                } finally {
                    lock.release();
                }
            });
        }
        sched.run();
        assertEquals(List.of("1 in", "1 out", "2 in", "2 out", "3 in", "3 out"), log);
        assertFalse(lock.isLocked());
    }

    @Test
    void aLockRefusesReentryAndAReleaseByAnotherTask() {
        Lock lock = new Lock("l");
        Task owner = sched.spawn(() -> {
            lock.acquire();
            try {
                lock.acquire();
            } catch (IllegalStateException e) {
                log.add(e.getMessage());
            }
            Syscalls.sleep(20);
            lock.release();
        });
        Task thief = sched.spawn(() -> lock.release()); // runs while the owner sleeps
        sched.run();
        assertEquals(List.of("lock 'l' (held by task " + owner.id() + "): task " + owner.id()
                + " holds it already (a Lock is not re-entrant)"), log);
        assertInstanceOf(IllegalStateException.class, thief.failure());
        assertTrue(thief.failure().getMessage().contains("task " + thief.id() + " cannot release it; task " + owner.id() + " does"));
    }
}
