package io.jcoro.samples.os;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.sched.GetTid;
import io.jcoro.sched.KillTask;
import io.jcoro.sched.NewTask;
import io.jcoro.sched.Scheduler;
import java.io.PrintStream;

/**
 * pyos5.py: system calls for task management. {@link NewTask} launches a task,
 * {@link KillTask} kills one (closing it, so its {@code finally} blocks run).
 */
public final class Pyos5 {
    private Pyos5() {
    }

    @Coroutine
    static void foo(PrintStream out) {
        int mytid = Co.yield(new GetTid());
        while (true) {
            out.println("I'm foo " + mytid);
            Co.yield(null);
        }
    }

    @Coroutine
    static void main(PrintStream out) {
        int child = Co.yield(new NewTask(() -> foo(out)));    // Launch new task
        for (int i = 0; i < 5; i++) {
            Co.yield(null);
        }
        Co.yield(new KillTask(child));                         // Kill the task
        out.println("main done");
    }

    public static void run(PrintStream out, String... args) {
        Scheduler sched = new Scheduler().onExit(t -> out.println("Task " + t.id() + " terminated"));
        sched.spawn(() -> main(out));
        sched.run();
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
