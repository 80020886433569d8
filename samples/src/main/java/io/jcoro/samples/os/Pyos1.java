package io.jcoro.samples.os;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.io.PrintStream;

/** pyos1.py: a task is a wrapper around a coroutine; {@code run()} runs it to its next yield. */
public final class Pyos1 {
    private Pyos1() {
    }

    /** This object encapsulates a running task. */
    static final class Task {
        final int tid;
        final Generator<?> target;
        Object sendval;

        Task(int tid, Generator<?> target) {
            this.tid = tid;
            this.target = target;
        }

        /** Runs the task until it hits the next yield. */
        Object run() {
            return target.send(sendval);
        }
    }

    /** A simple generator/coroutine function. */
    @Coroutine
    static void foo(PrintStream out) {
        out.println("Part 1");
        Co.yield(null);
        out.println("Part 2");
        Co.yield(null);
    }

    public static void run(PrintStream out, String... args) {
        Task t1 = new Task(1, Generator.of(() -> foo(out)));
        out.println("Running foo()");
        t1.run();
        out.println("Resuming foo()");
        t1.run();
        // If you call t1.run() one more time, you get StopIteration.
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
