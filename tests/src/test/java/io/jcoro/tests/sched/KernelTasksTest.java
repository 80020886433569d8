package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Coroutine;
import io.jcoro.sched.Channel;
import io.jcoro.sched.Event;
import io.jcoro.sched.ExceptionGroup;
import io.jcoro.sched.TaskGroup;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import io.jcoro.sched.TaskInfo;
import io.jcoro.sched.ToThread;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Tasks' lives across two kernels: cancel, kill, wait and join reach a task on the other kernel,
 * a ready task moves to the idle kernel with its suspended frames, a task group cancels children
 * that moved, a stop from another thread ends every kernel with the {@code finally} blocks run,
 * and a deadlock of both kernels is reported rather than hung.
 */
class KernelTasksTest extends OnTwoKernels {
    @Test
    void cancelKillAndWaitReachATaskOnTheOtherKernel() {
        Channel<String> never = new Channel<>("never", 0);
        Event parked = new Event("parked");
        AtomicInteger parkedCount = new AtomicInteger();
        String[] threadOf = new String[4];
        boolean[] cleaned = new boolean[2];
        Object[] seen = new Object[4];
        // Round robin: tasks 1, 3 and 5 on one kernel, 2 and 4 on the other; task 2 reaches the first kernel's.
        Task[] answer = new Task[1];
        Task[] receiver = new Task[1];
        Task sleeper = sched.spawn(() -> {
            threadOf[0] = thread();
            try {
                if (parkedCount.incrementAndGet() == 2) {
                    parked.set();
                }
                Syscalls.sleep(3_600_000);
            } finally {
                cleaned[0] = true;
            }
        });
        sched.spawn(() -> {
            threadOf[3] = thread();
            parked.await();
            Task cancelled = Syscalls.cancelTask(sleeper.id()); // sleeper is on the other kernel
            seen[0] = cancelled.state();
            seen[1] = cleaned[0];
            seen[2] = Syscalls.killTask(receiver[0].id()) && cleaned[1]; // its finally ran before the kill returned
            seen[3] = Syscalls.waitTask(answer[0].id()).result();
        });
        receiver[0] = sched.spawn(() -> {
            threadOf[1] = thread();
            try {
                if (parkedCount.incrementAndGet() == 2) {
                    parked.set();
                }
                never.receive();
            } finally {
                cleaned[1] = true;
            }
        });
        sched.spawn(() -> { });
        answer[0] = sched.spawnReturning(() -> {
            threadOf[2] = thread();
            String me = "task " + Syscalls.getTid();
            // Ends only once the other kernel's task waits for it (seen in the dump), not after a guess.
            while (ToThread.run(sched::tasks).stream().noneMatch(i -> me.equals(i.waitingOn()))) {
                Syscalls.sleep(1);
            }
            return 42;
        });
        sched.run();
        assertNotEquals(threadOf[0], threadOf[3], "canceller and victims on two kernels");
        assertEquals(threadOf[0], threadOf[1]);
        assertEquals(threadOf[0], threadOf[2]);
        assertEquals(Task.State.CANCELLED, seen[0]);
        assertEquals(true, seen[1]);
        assertEquals(true, seen[2]);
        assertEquals(42, seen[3]);
        assertEquals(Task.State.KILLED, receiver[0].state());
        assertEquals(0, never.size());
        assertEquals(List.of(), failed);
    }

    @Test
    void joinWaitsForATaskOnTheOtherKernelAndKeepsTheOutcomeOfOneThatEnded() {
        String[] where = new String[2];
        Object[] got = new Object[2];
        // Round robin: early and the joiner on kernel 0, late on kernel 1.
        Task early = sched.spawnReturning(() -> "early");
        Task late = sched.spawnReturning(() -> {
            where[1] = thread();
            // Ends only once the other kernel's task is seen joining it, not after a guess.
            String me = "task " + Syscalls.getTid();
            while (ToThread.run(sched::tasks).stream().noneMatch(i -> me.equals(i.waitingOn()))) {
                Syscalls.sleep(1);
            }
            return "late";
        });
        sched.spawn(() -> {
            where[0] = thread();
            got[0] = early.join().result(); // ended in the first round, before this ran
            got[1] = late.join().result();
        });
        sched.run();
        assertNotEquals(where[0], where[1]);
        assertEquals("early", got[0]);
        assertEquals("late", got[1]);
        assertEquals(List.of(), failed);
    }

    /** What the children of {@link #aTaskMovesToTheIdleKernelWithItsStack} share. */
    record Stage(String idleThread, AtomicBoolean moved, AtomicInteger atLook, Event look) { }

    @Coroutine
    static long deep(int depth, int id, Set<String> threads, Stage stage) {
        long mine = depth * 1000L + id;
        if (depth == 0) {
            String first = thread();
            threads.add(first);
            if (!first.equals(stage.idleThread())) {
                // Ready, four frames deep, until one of us has moved: the busy kernel hands ready
                // tasks to the idle one. Bounded by time, not by a count, so that a thread the OS
                // leaves unscheduled for a while still gets its turn.
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (thread().equals(first) && !stage.moved().get() && System.nanoTime() < end) {
                    Syscalls.checkpoint();
                }
                if (!thread().equals(first)) {
                    stage.moved().set(true);
                }
            } // else: on the kernel that is to stay idle, it waits
            threads.add(thread());
            stage.atLook().incrementAndGet();
            stage.look().await();
            threads.add(thread());
            return mine;
        }
        return mine + deep(depth - 1, id, threads, stage);
    }

    @Test
    void aTaskMovesToTheIdleKernelWithItsStack() {
        int children = 8;
        Stage stage = new Stage(thread(), new AtomicBoolean(), new AtomicInteger(), new Event("look"));
        List<Set<String>> threads = new CopyOnWriteArrayList<>();
        long[] sums = new long[children];
        List<List<TaskInfo>> dumps = new CopyOnWriteArrayList<>();
        // Round robin from outside: children 0, 2, 4, 6 and the watcher on kernel 0 (this thread),
        // children 1, 3, 5, 7 on kernel 1. Every child runs once where it was put before anything
        // moves (a kernel shares only after a round); kernel 0's children then wait, which leaves
        // it idle, and kernel 1, with four ready, hands some over with their frames.
        for (int c = 0; c < children; c++) {
            int id = c;
            Set<String> mine = ConcurrentHashMap.newKeySet();
            threads.add(mine);
            sched.spawn(() -> sums[id] = deep(3, id, mine, stage));
        }
        sched.spawn(() -> {
            while (stage.atLook().get() < children) {
                Syscalls.sleep(1);
            }
            dumps.add(ToThread.run(sched::tasks)); // every kernel describes its own tasks
            stage.look().set();
        });
        sched.run();
        for (int c = 0; c < children; c++) {
            assertEquals(3000 + 2000 + 1000 + 4L * c, sums[c], "child " + c + " kept its frames' locals");
        }
        assertTrue(stage.moved().get(), "a child moved to the idle kernel while suspended: " + threads);
        List<TaskInfo> infos = dumps.get(0);
        long waiting = infos.stream().filter(i -> i.waitingOn() != null && i.waitingOn().contains("event 'look'")).count();
        assertEquals(children, waiting, "every child seen waiting, on either kernel: " + infos);
        for (TaskInfo i : infos) {
            if (i.waitingOn() != null && i.waitingOn().contains("look")) {
                long frames = i.frames().stream().filter(f -> f.getMethodName().equals("deep")).count();
                assertEquals(4, frames, "suspended frames of task " + i.id());
            }
        }
        assertEquals(List.of(), failed);
    }

    @Test
    void stopFromAnotherThreadEndsEveryKernelAndRunsTheFinallyBlocks() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger cleaned = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            boolean spin = i % 2 == 0;
            sched.spawn(() -> {
                started.incrementAndGet();
                try {
                    if (spin) {
                        while (true) {
                            Syscalls.checkpoint();
                        }
                    }
                    Syscalls.sleep(3_600_000);
                } finally {
                    cleaned.incrementAndGet();
                }
            });
        }
        Thread stopper = new Thread(() -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (started.get() < 4 && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            sched.stop();
        });
        stopper.start();
        sched.run();
        stopper.join(10_000);
        assertEquals(4, started.get());
        assertEquals(4, cleaned.get(), "every task's finally ran");
        assertEquals(0, sched.taskCount());
        assertTrue(sched.isStopped());
    }

    @Test
    void aTaskGroupWhoseChildrenMovedCancelsThemAllWhenOneFails() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger cleaned = new AtomicInteger();
        Throwable[] outcome = new Throwable[1];
        sched.spawn(() -> { // alone on its kernel: its children start there, the other kernel takes some
            try {
                TaskGroup.run(group -> {
                    for (int i = 0; i < 5; i++) {
                        group.spawn(() -> {
                            try {
                                while (true) {
                                    threads.add(thread());
                                    Syscalls.checkpoint();
                                }
                            } finally {
                                cleaned.incrementAndGet();
                            }
                        });
                    }
                    group.spawn(() -> {
                        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                        while (threads.size() < 2 && System.nanoTime() < end) {
                            Syscalls.checkpoint(); // until the idle kernel has taken some of them
                        }
                        throw new IllegalStateException("child failed after its siblings spread");
                    });
                });
            } catch (ExceptionGroup e) {
                outcome[0] = e;
            }
        });
        sched.run();
        assertEquals(2, threads.size(), "children ran on both kernels: " + threads);
        assertTrue(outcome[0] instanceof ExceptionGroup eg && eg.getCause() instanceof IllegalStateException, String.valueOf(outcome[0]));
        assertEquals(5, cleaned.get(), "every sibling was cancelled and cleaned up, on whichever kernel");
        assertEquals(List.of(), failed);
    }

    @Test
    void aDeadlockAcrossKernelsIsReportedNotHung() {
        Channel<String> a = new Channel<>("a", 0);
        Channel<String> b = new Channel<>("b", 0);
        String[] where = new String[2];
        sched.spawn(() -> {
            where[0] = thread();
            a.receive();
        });
        sched.spawn(() -> {
            where[1] = thread();
            b.receive();
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, sched::run);
        assertTrue(e.getMessage().startsWith("deadlock"), e.getMessage());
        assertTrue(e.getMessage().contains("Task 1") && e.getMessage().contains("Task 2"), e.getMessage());
        assertNotEquals(where[0], where[1]);
        assertEquals(2, sched.taskCount(), "left as they are; close() kills them");
    }
}
