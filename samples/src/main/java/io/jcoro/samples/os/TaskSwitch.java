package io.jcoro.samples.os;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.sched.Scheduler;
import java.io.PrintStream;
import java.util.Locale;

/**
 * What a task switch costs: tasks that do nothing but yield, so that every step is one trip
 * through the ready queue (resume a task, run it to its yield, queue it again). Prints the
 * time per switch for each of a few runs; the first ones include the JIT's warm-up.
 *
 * <p>Arguments: {@code [tasks] [switches] [runs]} (defaults 2, 20000000, 5).
 */
public final class TaskSwitch {
    private TaskSwitch() {
    }

    @Coroutine
    static void yielder(int n) {
        for (int i = 0; i < n; i++) {
            Co.yield(null);
        }
    }

    /** @return nanoseconds per switch for {@code switches} switches among {@code tasks} tasks */
    public static double measure(int tasks, int switches) {
        Scheduler sched = new Scheduler();
        for (int t = 0; t < tasks; t++) {
            sched.spawn(() -> yielder(switches / tasks));
        }
        long start = System.nanoTime();
        sched.run();
        return (double) (System.nanoTime() - start) / switches;
    }

    public static void run(PrintStream out, String... args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int switches = args.length > 1 ? Integer.parseInt(args[1]) : 20_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        for (int r = 1; r <= runs; r++) {
            out.println(String.format(Locale.ROOT, "run %d: %d tasks, %,d switches: %.1f ns per switch",
                    r, tasks, switches, measure(tasks, switches)));
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
