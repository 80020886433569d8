package io.jcoro.samples.os;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.sched.NewTask;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.WaitTask;
import java.io.PrintStream;

/** pyos6.py: {@link WaitTask} suspends a task until another one exits. */
public final class Pyos6 {
    private Pyos6() {
    }

    @Coroutine
    static void foo(PrintStream out) {
        for (int i = 0; i < 5; i++) {
            out.println("I'm foo");
            Co.yield(null);
        }
    }

    @Coroutine
    static void main(PrintStream out) {
        int child = Co.yield(new NewTask(() -> foo(out)));
        out.println("Waiting for child");
        Co.yield(new WaitTask(child));
        out.println("Child done");
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
