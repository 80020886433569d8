package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.sched.Kernel;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.SystemCall;
import io.jcoro.sched.Task;
import java.io.IOException;
import java.nio.channels.Pipe;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When run() returns, stopping from outside, deadlocks, closing, and custom system calls. */
@Timeout(30)
class SchedulerLifecycleTest {
    final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Test
    void runReturnsWhenNoTaskIsLeftAndMayRunAgain() {
        Scheduler sched = new Scheduler();
        sched.spawn(() -> log.add("first"));
        sched.run();
        sched.spawn(() -> log.add("second"));
        sched.run();
        assertEquals(List.of("first", "second"), log);
    }

    @Test
    void stopFromAnotherThreadEndsRunAndKillsTheTasks() throws Exception {
        Scheduler sched = new Scheduler();
        CountDownLatch waiting = new CountDownLatch(2);
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            source.configureBlocking(false);
            Task reader = sched.spawn(() -> {
                try {
                    waiting.countDown();
                    Syscalls.readWait(source);   // nothing is ever written
                } finally {
                    log.add("reader cleanup");
                }
            });
            Task sleeper = sched.spawn(() -> {
                try {
                    waiting.countDown();
                    Syscalls.sleep(3_600_000);
                } finally {
                    log.add("sleeper cleanup");
                }
            });
            Thread runner = new Thread(sched::run, "scheduler");
            runner.start();
            assertTrue(waiting.await(20, TimeUnit.SECONDS));
            sched.stop();
            runner.join(20_000);
            assertTrue(!runner.isAlive(), "run() returned");
            assertEquals(List.of("reader cleanup", "sleeper cleanup"), log);
            assertEquals(Task.State.KILLED, reader.state());
            assertEquals(Task.State.KILLED, sleeper.state());
            assertTrue(sched.isStopped());
            sched.run(); // stopping is final: returns at once
            sched.close();
        }
    }

    @Test
    void aTaskMayStopTheScheduler() {
        Scheduler sched = new Scheduler();
        sched.spawn(() -> {
            try {
                while (true) {
                    Co.yield(null);
                }
            } finally {
                log.add("looper killed");
            }
        });
        sched.spawn(() -> {
            Co.yield(null);
            sched.stop();
            log.add("stop requested");
        });
        sched.run();
        assertEquals(List.of("stop requested", "looper killed"), log);
    }

    @Test
    void aDeadlockIsReportedAndCloseKillsTheTasks() {
        Scheduler sched = new Scheduler();
        sched.spawn(() -> {
            try {
                Syscalls.waitTask(2);
            } finally {
                log.add("1 killed");
            }
        });
        sched.spawn(() -> {
            try {
                Syscalls.waitTask(1);
            } finally {
                log.add("2 killed");
            }
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, sched::run);
        assertTrue(e.getMessage().startsWith("deadlock: every task waits and nothing can wake one: "
                + "Task 1 (waiting for task 2), Task 2 (waiting for task 1)"), e.getMessage());
        sched.close();
        assertEquals(List.of("1 killed", "2 killed"), log);
        assertThrows(IllegalStateException.class, sched::run);
    }

    @Test
    void closeKillsTasksThatNeverRan() {
        Scheduler sched = new Scheduler();
        Task t = sched.spawn(() -> log.add("ran"));
        sched.close();
        assertEquals(List.of(), log);
        assertEquals(Task.State.KILLED, t.state());
    }

    @Test
    void theKernelRefusesOtherThreadsWhileItRuns() throws Exception {
        Scheduler sched = new Scheduler();
        CountDownLatch started = new CountDownLatch(1);
        sched.spawn(() -> {
            started.countDown();
            Syscalls.sleep(3_600_000);
        });
        Thread runner = new Thread(sched::run, "scheduler");
        runner.start();
        assertTrue(started.await(20, TimeUnit.SECONDS));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sched.spawn(() -> log.add("no")));
        assertTrue(e.getMessage().contains("cannot be used from"), e.getMessage());
        assertThrows(IllegalStateException.class, sched::close);
        sched.stop();
        runner.join(20_000);
        sched.close();
    }

    @Test
    void aScheduledTaskSeesItsKernelAndNoOtherThreadDoes() {
        Scheduler sched = new Scheduler();
        AtomicReference<Kernel> inside = new AtomicReference<>();
        sched.spawn(() -> inside.set(Kernel.current()));
        assertEquals(null, Kernel.current());
        sched.run();
        assertTrue(inside.get() != null);
        assertEquals(null, Kernel.current());
    }

    /** A custom system call pair: the mailbox of SystemCall's documentation. */
    static final class Mailbox {
        final ArrayDeque<Object> messages = new ArrayDeque<>();
        final ArrayDeque<Task> receivers = new ArrayDeque<>();

        SystemCall send(Object message) {
            return (kernel, task) -> {
                Task receiver = receivers.poll();
                if (receiver != null) {
                    kernel.resume(receiver, message);
                } else {
                    messages.add(message);
                }
                kernel.resume(task, null);
            };
        }

        SystemCall receive() {
            return (kernel, task) -> {
                Object m = messages.poll();
                if (m != null) {
                    kernel.resume(task, m);
                } else {
                    receivers.add(task);
                }
            };
        }
    }

    @Test
    void aCustomSystemCallCanParkAndResumeTasks() {
        Scheduler sched = new Scheduler();
        Mailbox box = new Mailbox();
        sched.spawn(() -> {
            for (int i = 0; i < 3; i++) {
                String m = Co.yield(box.receive());
                log.add("got " + m);
            }
        });
        sched.spawn(() -> {
            for (String m : List.of("a", "b", "c")) {
                log.add("send " + m);
                Co.yield(box.send(m));
                Syscalls.sleep(1);
            }
        });
        sched.run();
        assertEquals(List.of("send a", "got a", "send b", "got b", "send c", "got c"), log);
    }

    @Test
    void aReceiverParkedInACustomCallCanBeKilled() throws IOException {
        Scheduler sched = new Scheduler();
        Mailbox box = new Mailbox();
        Task receiver = sched.spawn(() -> {
            try {
                Co.yield(box.receive());
            } finally {
                log.add("receiver cleanup");
            }
        });
        sched.spawn(() -> log.add("killed: " + Syscalls.killTask(receiver.id())));
        sched.run();
        assertEquals(List.of("receiver cleanup", "killed: true"), log);
    }
}
