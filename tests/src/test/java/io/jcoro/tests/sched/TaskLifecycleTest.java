package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.sched.Event;
import io.jcoro.sched.GetTid;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import java.io.IOException;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Spawning, killing, waiting and exiting: the course's task management calls. */
@Timeout(30)
class TaskLifecycleTest {
    final List<String> log = new ArrayList<>();
    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);

    @Coroutine
    void spin(String name) {
        try {
            while (true) {
                log.add(name);
                Co.yield(null);
            }
        } finally {
            log.add(name + " cleanup");
        }
    }

    @Test
    void aNewTaskRunsBeforeItsParentResumes() {
        sched.spawn(() -> {
            log.add("parent");
            int child = Syscalls.newTask(() -> {
                log.add("child");
                log.add("child is " + Syscalls.getTid()); // a system call: the parent's turn first
            });
            log.add("parent got " + child);
        });
        sched.run();
        assertEquals(List.of("parent", "child", "parent got 2", "child is 2"), log);
    }

    @Test
    void killRunsTheVictimsFinallyBlocksAndSaysWhetherItExisted() {
        Task victim = sched.spawn(() -> spin("victim"));
        sched.spawn(() -> {
            Co.yield(null);
            log.add("kill: " + Syscalls.killTask(victim.id()));
            log.add("again: " + Syscalls.killTask(victim.id()));
            log.add("missing: " + Syscalls.killTask(999));
        });
        sched.run();
        assertEquals(List.of("victim", "victim", "victim cleanup", "kill: true", "again: false", "missing: false"), log);
        assertEquals(Task.State.KILLED, victim.state());
        assertNull(victim.failure());
        assertThrows(IllegalStateException.class, victim::result);
        assertTrue(failed.isEmpty());
    }

    @Test
    void aTaskKilledBeforeItRanNeverRuns() {
        sched.spawn(() -> log.add("killed: " + Syscalls.killTask(2)));
        Task victim = sched.spawn(() -> spin("victim"));
        sched.run();
        assertEquals(List.of("killed: true"), log);
        assertEquals(Task.State.KILLED, victim.state());
    }

    @Test
    void aTaskMayKillItself() {
        Task t = sched.spawn(() -> {
            try {
                Syscalls.killTask(Syscalls.getTid());
                log.add("after");
            } finally {
                log.add("finally");
            }
        });
        sched.run();
        assertEquals(List.of("finally"), log);
        assertEquals(Task.State.KILLED, t.state());
    }

    @Test
    void killingASleeperTakesItOffTheTimers() {
        Task sleeper = sched.spawn(() -> {
            try {
                Syscalls.sleep(3_600_000);
            } finally {
                log.add("sleeper cleanup");
            }
        });
        sched.spawn(() -> log.add("killed: " + Syscalls.killTask(sleeper.id())));
        sched.run(); // returns now, not in an hour
        assertEquals(List.of("sleeper cleanup", "killed: true"), log);
    }

    @Test
    void killingATaskWaitingForIoTakesItOffTheSelector() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            source.configureBlocking(false);
            Task reader = sched.spawn(() -> {
                try {
                    Syscalls.readWait(source);
                    log.add("readable");
                } finally {
                    log.add("reader cleanup");
                }
            });
            sched.spawn(() -> {
                Co.yield(null); // the reader waits now
                log.add("killed: " + Syscalls.killTask(reader.id()));
            });
            sched.run(); // returns: nothing waits for I/O any more
            assertEquals(List.of("reader cleanup", "killed: true"), log);
        }
    }

    @Test
    void waitTaskReturnsTheFinishedChildWithItsResult() {
        sched.spawn(() -> {
            int child = Syscalls.newTaskReturning(() -> {
                Co.yield(null);
                return 42;
            });
            Task done = Syscalls.waitTask(child);
            log.add(done.id() + " " + done.state() + " " + done.result(Integer.class));
        });
        sched.run();
        assertEquals(List.of("2 RETURNED 42"), log);
    }

    @Test
    void waitTaskGivesTheChildsFailure() {
        sched.spawn(() -> {
            int child = Syscalls.newTask(() -> {
                Co.yield(null);
                throw new IllegalStateException("child broke");
            });
            Task done = Syscalls.waitTask(child);
            log.add(done.state() + " " + done.failure().getMessage());
        });
        sched.run();
        assertEquals(List.of("FAILED child broke"), log);
        assertEquals(1, failed.size());
    }

    @Test
    void waitTaskForAMissingOrFinishedTaskReturnsNullAtOnce() {
        sched.spawn(() -> {
            log.add("missing: " + Syscalls.waitTask(999));
            int child = Syscalls.newTask(() -> log.add("child ran"));
            Co.yield(null);
            log.add("gone: " + Syscalls.waitTask(child));
        });
        sched.run();
        assertEquals(List.of("missing: null", "child ran", "gone: null"), log);
    }

    @Test
    void joinKeepsTheOutcomeOfAChildThatEndedFirst() {
        sched.spawn(() -> {
            Task quick = Syscalls.spawnReturning(() -> "quick"); // runs before spawnReturning returns
            Task failing = Syscalls.spawn(() -> {
                throw new IllegalStateException("bad child");
            });
            Co.yield(null);
            log.add("gone by id: " + Syscalls.waitTask(quick.id()));
            log.add("joined: " + quick.join().result() + ", " + failing.join().failure().getMessage());
            Task slow = Syscalls.spawnReturning(() -> {
                Syscalls.sleep(1);
                return "slow";
            });
            log.add("waited: " + slow.join().result());
        });
        sched.run();
        assertEquals(List.of("gone by id: null", "joined: quick, bad child", "waited: slow"), log);
        assertEquals(1, failed.size(), "the failing child is reported as usual");
    }

    @Test
    void aDeadlineEndsAJoinAndTheJoinerIsNoLongerWoken() {
        Event go = new Event("go");
        sched.spawn(() -> {
            Task slow = Syscalls.spawnReturning(() -> {
                go.await(); // ends only when told, after the deadline passed
                return "slow";
            });
            boolean finished = Syscalls.moveOnAfter(Duration.ofMillis(5), () -> slow.join());
            log.add("in time: " + finished + ", done: " + slow.isDone());
            go.set();
            log.add("then: " + slow.join().result()); // joined again, to the end this time
        });
        sched.run();
        assertEquals(List.of("in time: false, done: false", "then: slow"), log);
        assertEquals(List.of(), failed);
    }

    @Test
    void joinRefusesItselfAndATaskOfAnotherScheduler() {
        try (Scheduler other = new Scheduler()) {
            Task foreign = other.spawn(() -> Co.yield(null)); // task 1 there; ids are per scheduler
            sched.spawn(() -> {
                try {
                    foreign.join();
                } catch (IllegalArgumentException e) {
                    log.add(e.getMessage());
                }
                Task[] self = new Task[1];
                self[0] = Syscalls.spawn(() -> {
                    Co.yield(null); // the parent stores self[0] meanwhile
                    try {
                        self[0].join();
                    } catch (IllegalArgumentException e) {
                        log.add(e.getMessage());
                    }
                });
                log.add("joined " + self[0].join().state());
            });
            sched.run();
        }
        assertEquals(List.of("task 1 belongs to another scheduler", "task 2 cannot wait for itself to exit",
                "joined RETURNED"), log);
    }

    @Test
    void everyWaiterIsWokenWithTheSameTaskInTheOrderTheyWaited() {
        Task child = sched.spawnReturning(() -> {
            for (int i = 0; i < 3; i++) {
                Co.yield(null);
            }
            return "done";
        });
        List<Task> seen = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            sched.spawn(() -> {
                Task t = Syscalls.waitTask(child.id());
                seen.add(t);
                log.add(name + " " + t.result());
            });
        }
        sched.run();
        assertEquals(List.of("a done", "b done", "c done"), log);
        for (Task t : seen) {
            assertSame(child, t);
        }
    }

    @Test
    void waitingForAKilledTaskWakesTheWaiter() {
        Task victim = sched.spawn(() -> spin("victim"));
        sched.spawn(() -> log.add("woke: " + Syscalls.waitTask(victim.id()).state()));
        sched.spawn(() -> {
            Co.yield(null);
            Syscalls.killTask(victim.id());
        });
        sched.run();
        assertEquals(List.of("victim", "victim", "victim cleanup", "woke: KILLED"), log);
    }

    @Test
    void aTaskCannotWaitForItself() {
        sched.spawn(() -> {
            try {
                Syscalls.waitTask(Syscalls.getTid());
            } catch (IllegalArgumentException e) {
                log.add(e.getMessage());
            }
        });
        sched.run();
        assertEquals(List.of("task 1 cannot wait for itself to exit"), log);
    }

    @Test
    void aTaskBodyMayBeAGeneratorAsInTheCourse() {
        Task t = sched.spawn(Generator.returning(() -> {
            int me = Co.yield(new GetTid());
            Co.yield(null);
            return "generator " + me;
        }));
        sched.run();
        assertEquals("generator 1", t.result());
    }

    @Coroutine
    static int depth(int n, List<String> log) {
        if (n == 0) {
            int me = Syscalls.getTid();
            Syscalls.sleep(0);
            int child = Syscalls.newTask(() -> log.add("child of " + me));
            Syscalls.waitTask(child);
            return me;
        }
        return depth(n - 1, log) + 0;
    }

    @Test
    void systemCallsWorkAtAnyDepthOfCalls() {
        Task t = sched.spawnReturning(() -> depth(20, log));
        sched.run();
        assertEquals(List.of("child of 1"), log);
        assertEquals(1, t.result(Integer.class));
    }

    @Test
    void plainYieldsTakeTurns() {
        for (String name : List.of("a", "b", "c")) {
            sched.spawn(() -> {
                for (int i = 0; i < 3; i++) {
                    log.add(name + i);
                    Co.yield(null);
                }
            });
        }
        sched.run();
        assertEquals(List.of("a0", "b0", "c0", "a1", "b1", "c1", "a2", "b2", "c2"), log);
    }

    @Test
    void aTaskCanDelegateToASubGeneratorThatMakesSystemCalls() {
        Task t = sched.spawnReturning(() -> {
            Generator<Object> sub = Generator.returning(() -> {
                int me = Co.yield(new GetTid());
                Co.yield(null);
                return me * 10;
            });
            int r = Co.yieldFrom(sub);
            return r + 1;
        });
        sched.run();
        assertEquals(11, t.result(Integer.class));
    }

    @Test
    void idsCountFromOneAndStateIsReadable() {
        Task a = sched.spawn(() -> Co.yield(null));
        Task b = sched.spawn(() -> {
        });
        assertEquals(1, a.id());
        assertEquals(2, b.id());
        assertEquals(Task.State.READY, a.state());
        assertFalse(a.isDone());
        assertEquals(2, sched.taskCount());
        sched.run();
        assertTrue(a.isDone());
        assertEquals(Task.State.RETURNED, b.state());
        assertNull(b.result());
        assertEquals(0, sched.taskCount());
    }
}
