package io.jcoro.samples.tasks;

import io.jcoro.core.Coroutine;
import io.jcoro.sched.Activation;
import io.jcoro.sched.Channel;
import io.jcoro.sched.Lock;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.TaskInfo;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Introspection: what every task is doing, as {@code jstack} shows threads. First a short run
 * traced by an activation (curio's): every task created, run, trapping into the kernel, ending.
 * Then tasks parked in different waits, dumped from a task (the API: id, state, what it waits on,
 * its suspended frames with method and line) and from another thread (the printable dump).
 */
public final class TaskDump {
    private TaskDump() {
    }

    @Coroutine
    static void consumer(Channel<String> orders) {
        orders.receive();                                // waits here: the dump shows this line
    }

    @Coroutine
    static void holder(Lock lock) {
        lock.acquire();
        try {
            Syscalls.sleep(3_600_000);                   // holds the lock "for an hour"
        } finally {
            lock.release();
        }
    }

    @Coroutine
    static void contender(Lock lock) {
        lock.acquire();
        lock.release();
    }

    /** @param args nothing */
    public static void run(PrintStream out, String... args) throws Exception {
        out.println("== a traced run ==");
        Scheduler traced = new Scheduler().addActivation(Activation.printing(out));
        Channel<String> ch = new Channel<>("greetings", 0);
        traced.spawn(() -> out.println("  receiver got " + ch.receive()));
        traced.spawn(() -> ch.send("hello"));
        traced.run();

        out.println("== the tasks, from a task ==");
        Scheduler sched = new Scheduler();
        Channel<String> orders = new Channel<>("orders", 4);
        Lock lock = new Lock("ledger");
        CompletableFuture<Void> released = new CompletableFuture<>();
        CountDownLatch parked = new CountDownLatch(1);
        sched.spawn(() -> consumer(orders));
        sched.spawn(() -> holder(lock));
        sched.spawn(() -> contender(lock));
        sched.spawn(() -> Syscalls.await(released));
        sched.spawn(() -> {
            Syscalls.sleep(10);                          // let everyone reach its wait
            for (TaskInfo t : sched.tasks()) {
                StackTraceElement where = t.frames().stream()
                        .filter(f -> f.getClassName().equals(TaskDump.class.getName()) && !f.getMethodName().startsWith("lambda$"))
                        .findFirst().orElse(null);
                out.println("  task " + t.id() + " " + t.state() + (t.waitingOn() == null ? "" : ", waits on "
                        + t.waitingOn().replaceAll(", (deadline in|\\d+ ms left).*", ""))
                        + (where == null ? "" : ", in " + where.getMethodName() + " line " + where.getLineNumber()));
            }
            parked.countDown();
            Syscalls.await(released);
        });
        Thread watchdog = new Thread(() -> {
            try {
                parked.await(10, TimeUnit.SECONDS);
                out.println("== the dump, from another thread ==");
                out.println(sched.dump().replaceAll("\\d+ ms left", "N ms left"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                sched.stop();                            // kills the tasks: their finally blocks run
                released.complete(null);
            }
        }, "watchdog");
        watchdog.start();
        sched.run();
        watchdog.join();
        out.println("stopped; the lock is " + (lock.isLocked() ? "still held" : "free"));
    }

    public static void main(String[] args) throws Exception {
        run(System.out, args);
    }
}
