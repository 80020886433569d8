package io.jcoro.samples.os;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.StopIteration;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;

/**
 * File 003's scheduler for an OS: tasks are generators on a loop of the program's own, and
 * {@code yield} is a trap. A task yields a system call ({@link GetTid}, {@link NewTask},
 * {@link KillTask}); the scheduler handles it and sends the answer back in at the task's next
 * run. Written out here as the course wrote it, on {@link Generator} alone; the library's
 * {@code io.jcoro.sched.Scheduler} (the pyos samples) is the finished form.
 *
 * <p>Its output is Python's, line for line: bar starts a second foo, which runs alongside the
 * first; the first foo ends by itself before bar's {@code KillTask(1)} comes, which then finds
 * no task 1 and is answered false.
 */
public final class OsScheduler {
    private OsScheduler() {
    }

    /** What a task yields to ask the scheduler for something. */
    abstract static class SystemCall {
        Task task;
        Scheduler sched;

        abstract void handle();
    }

    /** A generator with an id, and the value to send into it at its next run. */
    static final class Task {
        final int id;
        final Generator<Object> target;
        Object sendval;

        Task(int id, Generator<Object> target) {
            this.id = id;
            this.target = target;
        }

        Object run() {
            return target.send(sendval);
        }
    }

    /** The ready queue and the task map, and the loop that runs them. */
    static final class Scheduler {
        final Map<Integer, Task> taskmap = new LinkedHashMap<>();
        final Queue<Task> ready = new ArrayDeque<>();
        private final PrintStream out;
        /** Python counts in the Task class; here each scheduler counts its own, from 1. */
        private int lastId;

        Scheduler(PrintStream out) {
            this.out = out;
        }

        int spawn(Generator<Object> target) {
            Task task = new Task(++lastId, target);
            taskmap.put(task.id, task);
            schedule(task);
            return task.id;
        }

        void mainloop() {
            while (!taskmap.isEmpty()) {
                Task task = ready.poll();
                if (task == null) {
                    // Python's Queue.get() would wait for ever here
                    throw new IllegalStateException(taskmap.size() + " tasks alive and none ready");
                }
                Object result;
                try {
                    result = task.run();
                } catch (StopIteration e) {
                    exit(task);
                    continue;
                }
                if (result instanceof SystemCall call) {
                    call.task = task;
                    call.sched = this;
                    call.handle();
                    continue;
                }
                schedule(task);
            }
        }

        void schedule(Task task) {
            ready.add(task);
        }

        void exit(Task task) {
            out.println("Task " + task.id + " terminated");
            taskmap.remove(task.id);
        }
    }

    /** Answers the task's own id. */
    static final class GetTid extends SystemCall {
        @Override
        void handle() {
            task.sendval = task.id;
            sched.schedule(task);
        }
    }

    /** Starts another task, and answers its id. */
    static final class NewTask extends SystemCall {
        private final Generator<Object> target;

        NewTask(Generator<Object> target) {
            this.target = target;
        }

        @Override
        void handle() {
            task.sendval = sched.spawn(target);
            sched.schedule(task);
        }
    }

    /** Closes a task, answering whether there was one of that id. */
    static final class KillTask extends SystemCall {
        private final int tid;

        KillTask(int tid) {
            this.tid = tid;
        }

        @Override
        void handle() {
            Task victim = sched.taskmap.get(tid);
            if (victim != null) {
                victim.target.close();     // its next run raises StopIteration, and it exits
                task.sendval = true;
            } else {
                task.sendval = false;
            }
            sched.schedule(task);
        }
    }

    @Coroutine
    static void foo(PrintStream out) {
        int tid = Co.yield(new GetTid());
        out.println("I'm foo and I am living in " + tid + " process");
        for (int i = 0; i < 5; i++) {
            out.println("Foo " + tid + " is in " + i + " step");
            Co.yield(null);
        }
    }

    @Coroutine
    static void bar(PrintStream out) {
        int tid = Co.yield(new GetTid());
        out.println("I'm bar and I'm living in " + tid + " process");
        Co.yield(new NewTask(Generator.of(() -> foo(out))));
        for (int i = 0; i < 3; i++) {
            out.println("Bar " + tid + " is in " + i + " step");
            Co.yield(null);
        }
        Co.yield(new KillTask(1));
    }

    public static void run(PrintStream out, String... args) {
        Scheduler sched = new Scheduler(out);
        sched.spawn(Generator.of(() -> foo(out)));
        sched.spawn(Generator.of(() -> bar(out)));
        sched.mainloop();
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
