package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.sched.CancelScope;
import io.jcoro.sched.Channel;
import io.jcoro.sched.Event;
import io.jcoro.sched.ExceptionGroup;
import io.jcoro.sched.Kernel;
import io.jcoro.sched.TaskGroup;
import io.jcoro.sched.Lock;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Select;
import io.jcoro.sched.Semaphore;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import io.jcoro.sched.TaskInfo;
import io.jcoro.sched.TaskTimeout;
import io.jcoro.sched.ToThread;
import java.io.UncheckedIOException;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A scheduler on two threads ({@link Scheduler#onThreads}): tasks run at once on both, talk
 * and synchronise across kernels without losing or duplicating anything, cancel, kill and wait
 * for each other across kernels, move between threads while suspended, and a stop or a deadlock
 * covers every kernel. Ordered by events, never by one timer beating another.
 */
@Timeout(60)
class KernelsTest {
    final List<Task> failed = new CopyOnWriteArrayList<>();
    final Scheduler sched = Scheduler.onThreads(2).onFailure(failed::add);

    @AfterEach
    void close() {
        sched.close();
    }

    private static String thread() {
        return Thread.currentThread().getName();
    }

    @Test
    void twoKernelsRunTwoTasksAtTheSameTime() {
        // Each task blocks its thread until the other has arrived: on one thread this times out.
        CountDownLatch both = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger met = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            sched.spawn(() -> {
                threads.add(thread());
                both.countDown();
                try {
                    if (both.await(10, TimeUnit.SECONDS)) {
                        met.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertEquals(2, sched.threads());
        sched.run();
        assertEquals(2, met.get(), "both tasks were inside at once");
        assertEquals(2, threads.size(), "on two threads: " + threads);
        assertEquals(List.of(), failed);
    }

    @Test
    void manyMessagesAcrossKernelsAreNeitherLostNorDuplicated() {
        int producers = 4;
        int each = 20_000;
        Channel<Integer> ch = new Channel<>("numbers", 8);
        AtomicIntegerArray seen = new AtomicIntegerArray(producers * each);
        String[] sentOn = new String[producers * each]; // written before the send, read after the receive
        AtomicInteger crossed = new AtomicInteger();
        AtomicInteger closedBy = new AtomicInteger(producers);
        for (int p = 0; p < producers; p++) {
            int base = p * each;
            sched.spawn(() -> {
                for (int i = 0; i < each; i++) {
                    sentOn[base + i] = thread();
                    ch.send(base + i);
                }
                if (closedBy.decrementAndGet() == 0) {
                    ch.close();
                }
            });
            sched.spawn(() -> {
                for (Integer n; (n = ch.receiveOrNull()) != null; ) {
                    seen.incrementAndGet(n);
                    if (!sentOn[n].equals(thread())) {
                        crossed.incrementAndGet();
                    }
                }
            });
        }
        sched.run();
        for (int i = 0; i < seen.length(); i++) {
            assertEquals(1, seen.get(i), "message " + i);
        }
        // Producers start on one kernel and consumers on the other (round robin): a consumer's
        // first receive is on its own kernel, since only ready tasks move and only after a round.
        assertTrue(crossed.get() > 0, "messages went from one kernel to the other");
        assertEquals(List.of(), failed);
    }

    @Test
    void aRendezvousPingPongBetweenKernelsKeepsItsOrder() {
        Channel<Integer> ping = new Channel<>("ping", 0);
        Channel<Integer> pong = new Channel<>("pong", 0);
        String[] where = new String[2];
        int rounds = 10_000;
        int[] last = {-1};
        sched.spawn(() -> {
            where[0] = thread();
            for (int i = 0; i < rounds; i++) {
                ping.send(i);
                int back = pong.receive();
                if (back != i + 1) {
                    throw new AssertionError("sent " + i + ", got back " + back);
                }
                last[0] = back;
            }
            ping.close();
        });
        sched.spawn(() -> {
            where[1] = thread();
            for (Integer n; (n = ping.receiveOrNull()) != null; ) {
                pong.send(n + 1);
            }
        });
        sched.run();
        assertEquals(rounds, last[0]);
        assertNotEquals(where[0], where[1], "the two tasks ran on two kernels");
        assertEquals(List.of(), failed);
    }

    @Test
    void aSelectOverChannelsFedFromBothKernelsTakesEachItemOnce() {
        Channel<Integer> a = new Channel<>("a", 2);
        Channel<Integer> b = new Channel<>("b", 0);
        int each = 5_000;
        AtomicIntegerArray seen = new AtomicIntegerArray(2 * each);
        sched.spawn(() -> {
            for (int i = 0; i < each; i++) {
                a.send(i);
            }
            a.close();
        });
        sched.spawn(() -> {
            for (int i = 0; i < each; i++) {
                b.send(each + i);
            }
            b.close();
        });
        for (int c = 0; c < 2; c++) {
            sched.spawn(() -> {
                boolean aOpen = true;
                boolean bOpen = true;
                while (aOpen || bOpen) {
                    Select s = new Select();
                    if (aOpen) {
                        s.receive(a);
                    }
                    if (bOpen) {
                        s.receive(b);
                    }
                    Select.Result r = s.await();
                    if (r.isEnd()) {
                        if (r.channel() == a) {
                            aOpen = false;
                        } else {
                            bOpen = false;
                        }
                    } else {
                        seen.incrementAndGet(r.value(Integer.class));
                    }
                }
            });
        }
        sched.run();
        for (int i = 0; i < seen.length(); i++) {
            assertEquals(1, seen.get(i), "item " + i);
        }
        assertEquals(List.of(), failed);
    }

    @Test
    void aLockAndASemaphoreHoldAcrossKernels() {
        Lock lock = new Lock("counter");
        Semaphore three = new Semaphore("three", 3);
        int[] counter = {0};
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger entered = new AtomicInteger();
        Event full = new Event("three inside");
        for (int t = 0; t < 8; t++) {
            sched.spawn(() -> {
                // First, three tasks inside at once: the first three in wait for each other, so the
                // semaphore is shown to admit three, whatever the threads' timing.
                three.acquire();
                try {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    int n = entered.incrementAndGet();
                    if (n == 3) {
                        full.set();
                    }
                    if (n <= 3) {
                        full.await();
                    }
                } finally {
                    inside.decrementAndGet();
                    three.release();
                }
                for (int i = 0; i < 500; i++) {
                    lock.acquire();
                    try {
                        int v = counter[0];
                        Co.yield(null); // others run meanwhile, on both threads
                        counter[0] = v + 1;
                        threads.add(thread());
                    } finally {
                        lock.release();
                    }
                    three.acquire();
                    try {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Co.yield(null); // the tasks behind it on this kernel take the other permits
                    } finally {
                        inside.decrementAndGet();
                        three.release();
                    }
                }
            });
        }
        sched.run();
        assertEquals(8 * 500, counter[0], "no increment lost under the lock");
        assertEquals(3, most.get(), "three inside at once, never more");
        assertEquals(3, three.available());
        assertFalse(lock.isLocked());
        assertEquals(2, threads.size(), "the lock was taken on both kernels: " + threads);
        assertEquals(List.of(), failed);
    }

    @Test
    void anEventSetOnOneKernelWakesWaitersOnBoth() {
        Event go = new Event("go");
        Set<String> woken = ConcurrentHashMap.newKeySet();
        AtomicInteger count = new AtomicInteger();
        for (int i = 0; i < 6; i++) {
            sched.spawn(() -> {
                go.await();
                woken.add(thread());
                count.incrementAndGet();
            });
        }
        sched.spawn(() -> {
            while (go.waiting() < 6) {
                Syscalls.sleep(1);
            }
            go.set();
        });
        sched.run();
        assertEquals(6, count.get());
        assertEquals(2, woken.size(), "waiters on both kernels: " + woken);
    }

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

    @Test
    void aDeadlineEndsAWaitAndTheChannelStaysWhole() {
        Channel<Integer> ch = new Channel<>("ch", 0);
        Event gaveUp = new Event("gave up");
        Object[] got = new Object[2];
        sched.spawn(() -> {
            try (CancelScope d = CancelScope.failAfter(Duration.ofMillis(30))) {
                got[0] = ch.receive(); // nobody sends before it gives up
            } catch (TaskTimeout e) {
                got[0] = "timed out";
            }
            gaveUp.set();
            got[1] = ch.receive(); // the item sent after the timeout comes here, once
        });
        sched.spawn(() -> {
            gaveUp.await();
            ch.send(7);
        });
        sched.run();
        assertEquals("timed out", got[0]);
        assertEquals(7, got[1]);
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
    void closingAChannelWakesItsWaiterOnTheOtherKernel() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        Object[] got = new Object[1];
        String[] where = new String[2];
        try {
            sched.spawn(() -> {
                where[0] = thread();
                try {
                    Syscalls.readWait(pipe.source()); // registered with this kernel's selector
                    got[0] = "readable";
                } catch (UncheckedIOException e) {
                    got[0] = e;
                }
            });
            sched.spawn(() -> {
                where[1] = thread();
                while (ToThread.run(sched::tasks).stream()
                        .noneMatch(i -> i.waitingOn() != null && i.waitingOn().startsWith("readable"))) {
                    Syscalls.sleep(1);
                }
                Kernel.current().closeChannel(pipe.source()); // from the other kernel
            });
            sched.run();
        } finally {
            pipe.sink().close();
            pipe.source().close();
        }
        assertNotEquals(where[0], where[1]);
        assertTrue(got[0] instanceof UncheckedIOException e && e.getMessage().contains("another task closed it"),
                String.valueOf(got[0]));
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
