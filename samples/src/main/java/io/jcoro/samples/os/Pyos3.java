package io.jcoro.samples.os;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.StopIteration;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/** pyos3.py: the scheduler handles task termination: a task that returns is removed. */
public final class Pyos3 {
    private Pyos3() {
    }

    /** The scheduler of step 3. */
    static final class Scheduler {
        final ArrayDeque<Pyos1.Task> ready = new ArrayDeque<>();
        final Map<Integer, Pyos1.Task> taskmap = new HashMap<>();
        final PrintStream out;
        int taskid;

        Scheduler(PrintStream out) {
            this.out = out;
        }

        int spawn(Generator<?> target) {
            Pyos1.Task newtask = new Pyos1.Task(++taskid, target);
            taskmap.put(newtask.tid, newtask);
            schedule(newtask);
            return newtask.tid;
        }

        void exit(Pyos1.Task task) {
            out.println("Task " + task.tid + " terminated");
            taskmap.remove(task.tid);
        }

        void schedule(Pyos1.Task task) {
            ready.add(task);
        }

        /** @param maxSteps how many task steps to run before returning; 0 for as long as tasks remain */
        void mainloop(long maxSteps) {
            for (long step = 0; !taskmap.isEmpty() && (maxSteps == 0 || step < maxSteps); step++) {
                Pyos1.Task task = ready.poll();
                try {
                    task.run();
                } catch (StopIteration e) {
                    exit(task);
                    continue;
                }
                schedule(task);
            }
        }
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
        for (int i = 0; i < 5; i++) {
            out.println("I'm bar");
            Co.yield(null);
        }
    }

    public static void run(PrintStream out, String... args) {
        Scheduler sched = new Scheduler(out);
        sched.spawn(Generator.of(() -> foo(out)));
        sched.spawn(Generator.of(() -> bar(out)));
        sched.mainloop(0);
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
