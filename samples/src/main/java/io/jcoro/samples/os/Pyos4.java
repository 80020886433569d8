package io.jcoro.samples.os;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.sched.GetTid;
import io.jcoro.sched.Scheduler;
import java.io.PrintStream;

/**
 * pyos4.py: system calls. A task yields a request object and the scheduler (the operating
 * system) answers it: {@code yield} is a trap. {@link GetTid} returns the task's id.
 */
public final class Pyos4 {
    private Pyos4() {
    }

    @Coroutine
    static void foo(PrintStream out) {
        int mytid = Co.yield(new GetTid());
        for (int i = 0; i < 5; i++) {
            out.println("I'm foo " + mytid);
            Co.yield(null);
        }
    }

    @Coroutine
    static void bar(PrintStream out) {
        int mytid = Co.yield(new GetTid());
        for (int i = 0; i < 10; i++) {
            out.println("I'm bar " + mytid);
            Co.yield(null);
        }
    }

    public static void run(PrintStream out, String... args) {
        Scheduler sched = new Scheduler().onExit(t -> out.println("Task " + t.id() + " terminated"));
        sched.spawn(() -> foo(out));
        sched.spawn(() -> bar(out));
        sched.run();
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
