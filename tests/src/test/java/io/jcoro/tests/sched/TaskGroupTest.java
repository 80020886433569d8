package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.net.Connection;
import io.jcoro.net.Listener;
import io.jcoro.net.OpenChannels;
import io.jcoro.sched.CancelScope;
import io.jcoro.sched.Cancelled;
import io.jcoro.sched.ExceptionGroup;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import io.jcoro.sched.TaskGroup;
import io.jcoro.sched.TaskTimeout;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Structured concurrency: {@link TaskGroup#run} ends only when every child has ended; a child's
 * failure cancels its siblings and the body and comes out in the parent. The faults injected: a
 * child that throws while its siblings sleep for an hour, a body that throws, a deadline and a
 * cancellation of the parent from outside.
 */
@Timeout(30)
class TaskGroupTest {
    final List<String> log = new ArrayList<>();
    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);

    @Test
    void theBlockEndsOnlyWhenEveryChildHasEnded() {
        List<Task> children = new ArrayList<>();
        sched.spawn(() -> {
            TaskGroup.run(group -> {
                for (int i = 1; i <= 3; i++) {
                    int n = i;
                    children.add(group.spawn(() -> {
                        Syscalls.sleep(n * 5L);
                        log.add("child " + n);
                    }));
                }
                children.add(group.spawnReturning(() -> {
                    group.spawn(() -> log.add("grandchild in the same group"));
                    return 42;
                }));
                log.add("body done");
            });
            log.add("after the group");
        });
        sched.run();
        assertEquals("body done", log.get(0));
        assertEquals("after the group", log.get(log.size() - 1));
        assertEquals(6, log.size(), log::toString);
        assertEquals(42, children.get(3).result(Integer.class));
        assertTrue(failed.isEmpty());
    }

    @Test
    void aChildsFailureCancelsItsSiblingsAndTheBodyAndReachesTheParent() {
        Task parent = sched.spawn(() -> {
            try {
                TaskGroup.run(group -> {
                    group.spawn(() -> {
                        try {
                            Syscalls.sleep(3_600_000);
                        } finally {
                            log.add("sibling cleanup");
                        }
                    });
                    group.spawn(() -> {
                        Co.yield(null);
                        throw new IllegalStateException("child broke");
                    });
                    try {
                        Syscalls.sleep(3_600_000);
                    } catch (Cancelled c) {
                        log.add("body cancelled");
                        throw c;
                    }
                });
                log.add("never");
            } catch (ExceptionGroup e) {
                log.add("parent got " + e.exceptions().size() + ": " + e.getCause().getMessage());
            }
        });
        sched.run();
        assertEquals(List.of("body cancelled", "sibling cleanup", "parent got 1: child broke"), log);
        assertEquals(Task.State.RETURNED, parent.state());
        assertTrue(failed.isEmpty(), "the child's failure went to the parent, not to onFailure: " + failed);
    }

    @Test
    void anUncaughtGroupFailureFailsTheParentWithEveryChildsException() {
        Task parent = sched.spawn(() -> TaskGroup.run(group -> {
            group.spawn(() -> {
                try {
                    Syscalls.sleep(3_600_000);
                } finally {
                    throw new IllegalArgumentException("two"); // fails while being cancelled
                }
            });
            group.spawn(() -> {
                Co.yield(null);
                throw new IllegalStateException("one");
            });
        }));
        sched.run();
        ExceptionGroup e = assertInstanceOf(ExceptionGroup.class, parent.failure());
        assertEquals(List.of("one", "two"), e.exceptions().stream().map(Throwable::getMessage).toList());
        assertEquals(1, e.getSuppressed().length);
        assertEquals(List.of(parent), failed);
    }

    @Test
    void aBodyThatThrowsCancelsTheChildrenAndItsExceptionComesOutUnchanged() {
        sched.spawn(() -> {
            UnsupportedOperationException thrown = new UnsupportedOperationException("body broke");
            try {
                TaskGroup.run(group -> {
                    group.spawn(() -> {
                        try {
                            Syscalls.sleep(3_600_000);
                        } finally {
                            log.add("child cleanup");
                        }
                    });
                    Co.yield(null);
                    throw thrown;
                });
            } catch (UnsupportedOperationException e) {
                log.add("same exception: " + (e == thrown));
            }
        });
        sched.run();
        assertEquals(List.of("child cleanup", "same exception: true"), log);
    }

    @Test
    void cancellingTheParentCancelsTheChildrenAndWaitsForTheirCleanUp() {
        Task parent = sched.spawn(() -> TaskGroup.run(group -> {
            for (int i = 0; i < 3; i++) {
                int n = i;
                group.spawn(() -> {
                    try {
                        Syscalls.sleep(3_600_000);
                    } finally {
                        try (CancelScope shield = CancelScope.shield()) {
                            Syscalls.sleep(5); // clean-up that suspends; the group waits for it
                        }
                        log.add("child " + n + " cleaned up");
                    }
                });
            }
        }));
        sched.spawn(() -> {
            Syscalls.sleep(5);
            Task done = Syscalls.cancelTask(parent.id());
            log.add("parent " + done.state());
        });
        sched.run();
        assertEquals(List.of("child 0 cleaned up", "child 1 cleaned up", "child 2 cleaned up", "parent CANCELLED"), log);
        assertEquals(0, sched.taskCount());
    }

    @Test
    void aDeadlineAroundTheGroupTimesOutTheWholeTree() {
        sched.spawn(() -> {
            try (CancelScope deadline = CancelScope.failAfter(Duration.ofMillis(30))) {
                TaskGroup.run(group -> {
                    group.spawn(() -> Syscalls.sleep(3_600_000));
                    group.spawn(() -> TaskGroup.run(inner -> inner.spawn(() -> Syscalls.sleep(3_600_000))));
                });
            } catch (TaskTimeout e) {
                log.add("timed out with " + sched.taskCount() + " task left");
            }
        });
        sched.run();
        assertEquals(List.of("timed out with 1 task left"), log);
        assertTrue(failed.isEmpty(), () -> failed.toString());
    }

    @Test
    void cancelEndsTheGroupWithoutAFailureAndLateChildrenNeverRun() {
        sched.spawn(() -> {
            TaskGroup.run(group -> {
                Task child = group.spawn(() -> Syscalls.sleep(3_600_000));
                Co.yield(null);
                group.cancel();
                Task late = group.spawn(() -> log.add("late child ran"));
                log.add("cancelled " + group.isCancelled() + ", late " + late.state());
                Co.yield(null); // the body is cancelled too
                log.add("never");
            });
            log.add("group returned normally");
        });
        sched.run();
        assertEquals(List.of("cancelled true, late READY", "group returned normally"), log);
    }

    /** The worked example of docs/SCHEDULER.md, as written there. */
    @Coroutine
    static byte[] firstAnswer(InetSocketAddress a, InetSocketAddress b, byte[] request) {
        byte[][] answer = new byte[1][];
        try (CancelScope deadline = CancelScope.failAfter(Duration.ofSeconds(2))) {
            TaskGroup.run(group -> {
                for (InetSocketAddress peer : List.of(a, b)) {
                    group.spawn(() -> {
                        try (Connection c = Connection.connect(peer)) {
                            c.sendAll(request);
                            byte[] reply = c.recv(65536);   // suspends; cancellable here
                            if (answer[0] == null) {
                                answer[0] = reply;
                                group.cancel();             // the other peer is not needed any more
                            }
                        }                                   // closed however the task ends
                    });
                }
            });
            return answer[0];                               // both children have ended here
        } catch (TaskTimeout e) {
            return null;                                    // neither answered in 2 s; both closed
        }
    }

    @Test
    void theWorkedExampleTakesTheFirstAnswerAndGivesUpOnSilence() {
        int openBefore = OpenChannels.count();
        Listener answers = Listener.bind(0);
        Listener silent = Listener.bind(0);
        sched.spawn(() -> {
            try (answers; Connection c = answers.accept()) {
                c.sendAll(c.recv(100));
            }
        });
        sched.spawn(() -> {
            try (silent; Connection c1 = silent.accept(); Connection c2 = silent.accept()) {
                Syscalls.sleep(3_600_000); // holds its connections and never answers
            }
        });
        Task both = sched.spawnReturning(() -> firstAnswer(answers.address(), silent.address(), new byte[] {7}));
        Task none = sched.spawnReturning(() -> firstAnswer(silent.address(), silent.address(), new byte[] {8}));
        sched.spawn(() -> {
            Syscalls.waitTask(none.id());
            Syscalls.cancelTask(2); // the silent server is not needed any more
        });
        sched.run();
        assertArrayEquals(new byte[] {7}, both.result(byte[].class));
        assertEquals(Task.State.RETURNED, none.state());
        assertEquals(null, none.result());
        assertTrue(failed.isEmpty(), () -> failed.toString());
        assertEquals(openBefore, OpenChannels.count(), "every connection closed");
    }

    @Test
    void killingTheParentCancelsItsChildren() {
        Task parent = sched.spawn(() -> TaskGroup.run(group -> group.spawn(() -> {
            try {
                Syscalls.sleep(3_600_000);
            } finally {
                log.add("child cleanup");
            }
        })));
        sched.spawn(() -> {
            Syscalls.sleep(5);
            Syscalls.killTask(parent.id());
            log.add("parent " + parent.state());
        });
        sched.run();
        assertEquals(List.of("child cleanup", "parent KILLED"), log);
    }

    @Test
    void killingTheParentWhileItsBodyRunsCancelsTheChildrenWithoutWaiting() {
        Task[] child = new Task[1];
        Task parent = sched.spawn(() -> TaskGroup.run(group -> {
            child[0] = group.spawn(() -> {
                try {
                    Syscalls.sleep(3_600_000);
                } finally {
                    log.add("child cleanup");
                }
            });
            Syscalls.sleep(3_600_000); // the body itself is still running when the kill comes
        }));
        sched.spawn(() -> {
            Co.yield(null);              // the parent and its child have started
            Syscalls.killTask(parent.id());
            log.add("parent " + parent.state());
        });
        sched.run();
        assertEquals(List.of("child cleanup", "parent KILLED"), log.stream().sorted().toList());
        assertTrue(child[0].isCancelled(), () -> "child " + child[0].state());
        assertTrue(failed.isEmpty(), () -> failed.toString()); // not "generator ignored GeneratorExit"
    }

    @Test
    void aGroupTakesNoChildrenOnceItHasEnded() {
        TaskGroup[] kept = new TaskGroup[1];
        sched.spawn(() -> {
            TaskGroup.run(group -> kept[0] = group);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> kept[0].spawn(() -> { }));
            log.add(e.getMessage());
        });
        sched.run();
        assertEquals(List.of("the task group of task 1 has ended; it takes no more children"), log);
    }
}
