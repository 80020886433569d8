package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.sched.CancelScope;
import io.jcoro.sched.Channel;
import io.jcoro.sched.Event;
import io.jcoro.sched.Kernel;
import io.jcoro.sched.Lock;
import io.jcoro.sched.Select;
import io.jcoro.sched.Semaphore;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.TaskTimeout;
import io.jcoro.sched.ToThread;
import java.io.UncheckedIOException;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * Tasks on two kernels talk and synchronise: they run at once on both threads, and channels,
 * rendezvous, select, a lock, a semaphore and an event work across kernels without losing or
 * duplicating anything; a deadline ends a wait and a channel closed on one kernel wakes its waiter
 * on the other. The tasks' own lives across kernels are {@link KernelTasksTest}'s.
 */
class KernelsTest extends OnTwoKernels {
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
}
