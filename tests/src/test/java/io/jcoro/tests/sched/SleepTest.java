package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.sched.Kernel;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.SystemCall;
import io.jcoro.sched.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sleepers wake in deadline order, first come first served on ties; sleeping holds up no one. */
@Timeout(60)
class SleepTest {
    final List<String> log = new ArrayList<>();
    final Scheduler sched = new Scheduler();

    /** Sleeps until a given deadline, so that a test can make deadlines equal. */
    record SleepUntil(long deadline) implements SystemCall {
        @Override
        public void handle(Kernel kernel, Task task) {
            kernel.sleepUntil(task, deadline);
        }
    }

    @Test
    void sleepersWakeInDeadlineOrder() {
        for (int ms : new int[] {30, 10, 20, 0, 5}) {
            sched.spawn(() -> {
                Syscalls.sleep(ms);
                log.add("woke after " + ms);
            });
        }
        sched.run();
        assertEquals(List.of("woke after 0", "woke after 5", "woke after 10", "woke after 20", "woke after 30"), log);
    }

    @Test
    void equalDeadlinesWakeInTheOrderTheSleepsBegan() {
        long deadline = System.nanoTime() + 5_000_000;
        for (int i = 0; i < 50; i++) {
            String name = "t" + i;
            sched.spawn(() -> {
                Co.yield(new SleepUntil(deadline));
                log.add(name);
            });
        }
        sched.run();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add("t" + i);
        }
        assertEquals(expected, log);
    }

    @Test
    void sleepZeroLetsEveryOtherReadyTaskRunFirst() {
        sched.spawn(() -> {
            log.add("a sleeps");
            Syscalls.sleep(0);
            log.add("a woke");
        });
        sched.spawn(() -> log.add("b"));
        sched.spawn(() -> log.add("c"));
        sched.run();
        assertEquals(List.of("a sleeps", "b", "c", "a woke"), log);
    }

    @Test
    void aSleeperHoldsUpNoOne() {
        Task sleeper = sched.spawn(() -> Syscalls.sleep(3_600_000));
        sched.spawn(() -> {
            for (int i = 0; i < 100; i++) {
                Co.yield(null);
            }
            log.add("worker done while the sleeper sleeps: " + (sched.taskCount() == 2));
            Syscalls.killTask(sleeper.id());
        });
        sched.run();
        assertEquals(List.of("worker done while the sleeper sleeps: true"), log);
    }

    /** Sleeps until {@code offset} after a base fixed when the first of them goes to sleep. */
    record SleepAfterBase(long[] base, long offset) implements SystemCall {
        @Override
        public void handle(Kernel kernel, Task task) {
            if (base[0] == 0) {
                base[0] = kernel.now() + 50_000_000;
            }
            kernel.sleepUntil(task, base[0] + offset);
        }
    }

    @Test
    void aHundredThousandSleepersWakeInOrderAndKilledOnesNever() {
        int n = 100_000;
        Random random = new Random(42);
        long[] base = {0};
        long[] offsets = new long[n];
        List<Integer> woke = new ArrayList<>(n);
        List<Task> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = i;
            offsets[i] = random.nextInt(30_000_000);
            tasks.add(sched.spawn(() -> {
                Co.yield(new SleepAfterBase(base, offsets[id]));
                woke.add(id);
            }));
        }
        // in the same round, once every sleeper sleeps: kill every seventh, removals from the middle of the heap
        SystemCall killSevenths = (kernel, task) -> {
            for (int i = 0; i < n; i += 7) {
                kernel.kill(tasks.get(i).id());
            }
            kernel.resume(task, null);
        };
        sched.spawn(() -> Co.yield(killSevenths));
        sched.run();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 7 != 0) {
                expected.add(i);
            }
        }
        // sleeps began in index order, so ties keep index order
        expected.sort(Comparator.<Integer>comparingLong(i -> offsets[i]).thenComparing(i -> i));
        assertEquals(expected.size(), woke.size());
        assertTrue(expected.equals(woke), "wake order differs from deadline order");
        assertEquals(0, sched.taskCount());
    }
}
