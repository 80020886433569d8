package io.jcoro.samples.os;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * pyos2.py: a scheduler with a ready queue that alternates between tasks whenever they yield.
 * Its tasks never end, so it runs for ever; give a number of steps to stop after them.
 */
public final class Pyos2 {
    private Pyos2() {
    }

    /** The scheduler of step 2: it has no idea that a task can finish (see taskcrash). */
    static final class Scheduler {
        final ArrayDeque<Pyos1.Task> ready = new ArrayDeque<>();
        final Map<Integer, Pyos1.Task> taskmap = new HashMap<>();
        int taskid;

        int spawn(Generator<?> target) {
            Pyos1.Task newtask = new Pyos1.Task(++taskid, target);
            taskmap.put(newtask.tid, newtask);
            schedule(newtask);
            return newtask.tid;
        }

        void schedule(Pyos1.Task task) {
            ready.add(task);
        }

        /** @param maxSteps how many task steps to run before returning; 0 for ever */
        void mainloop(long maxSteps) {
            for (long step = 0; !taskmap.isEmpty() && (maxSteps == 0 || step < maxSteps); step++) {
                Pyos1.Task task = ready.poll();
                task.run();
                schedule(task);
            }
        }
    }

    @Coroutine
    static void foo(PrintStream out) {
        while (true) {
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

    /** @param args optional: how many steps to run (default: for ever, as the course) */
    public static void run(PrintStream out, String... args) {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : 0;
        Scheduler sched = new Scheduler();
        sched.spawn(Generator.of(() -> foo(out)));
        sched.spawn(Generator.of(() -> bar(out)));
        sched.mainloop(steps);
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
