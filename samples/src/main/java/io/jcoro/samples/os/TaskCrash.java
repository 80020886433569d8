package io.jcoro.samples.os;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.StopIteration;
import io.jcoro.sched.Scheduler;
import java.io.PrintStream;

/**
 * taskcrash.py: the step-2 scheduler crashes as soon as a task ends. Then the same tasks on
 * the step-3 scheduler, which removes the finished task and goes on, and a task that throws on
 * {@link Scheduler}, which reports it (id and exception) and goes on too.
 */
public final class TaskCrash {
    private TaskCrash() {
    }

    @Coroutine
    static void foo(PrintStream out) {
        for (int i = 0; i < 10; i++) {
            out.println("I'm foo");
            Co.yield(null);
        }
    }

    @Coroutine
    static void bar(PrintStream out) {
        while (true) {
            out.println("I'm bar");
            Co.yield(null);
        }
    }

    @Coroutine
    static void crasher(PrintStream out) {
        out.println("I'm crasher");
        Co.yield(null);
        throw new IllegalStateException("crasher gave up");
    }

    @Coroutine
    static void worker(PrintStream out) {
        for (int i = 0; i < 3; i++) {
            out.println("I'm worker");
            Co.yield(null);
        }
    }

    /** @param args optional: how many steps the step-3 scheduler runs (default 30; bar never ends) */
    public static void run(PrintStream out, String... args) {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : 30;

        out.println("== the step-2 scheduler (pyos2) ==");
        Pyos2.Scheduler sched2 = new Pyos2.Scheduler();
        sched2.spawn(Generator.of(() -> foo(out)));
        sched2.spawn(Generator.of(() -> bar(out)));
        try {
            sched2.mainloop(0);
        } catch (StopIteration e) {
            out.println("Scheduler crashed: " + e);
        }

        out.println("== the step-3 scheduler (pyos3), " + steps + " steps ==");
        Pyos3.Scheduler sched3 = new Pyos3.Scheduler(out);
        sched3.spawn(Generator.of(() -> foo(out)));
        sched3.spawn(Generator.of(() -> bar(out)));
        sched3.mainloop(steps);

        out.println("== io.jcoro.sched.Scheduler: a task that throws ==");
        Scheduler sched = new Scheduler()
                .onFailure(t -> out.println("Task " + t.id() + " failed: " + t.failure()))
                .onExit(t -> out.println("Task " + t.id() + " terminated"));
        sched.spawn(() -> crasher(out));
        sched.spawn(() -> worker(out));
        sched.run();
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
