package io.jcoro.samples.tasks;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Task;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CPU-bound fan-out on every core: many tasks that each compute a slice, yield, and compute
 * again, on a scheduler of one thread and on one of a thread per core
 * ({@link Scheduler#onThreads}). The tasks are spread over the kernels as they are spawned, and
 * a kernel that runs out hands nothing back while another still has ready tasks to share, so
 * the two finish together. Both runs compute the same checksum.
 *
 * <p>Arguments: {@code [tasks] [steps] [work] [runs]} (defaults 64, 200, 20000, 3): tasks, slices
 * per task, rounds of arithmetic per slice, and how many times to run each.
 */
public final class FanOut {
    private FanOut() {
    }

    /**
     * One run's outcome.
     *
     * @param threads  the scheduler's threads
     * @param nanos    wall time of {@code run()}
     * @param checksum the tasks' results combined (the same whatever the threads)
     */
    public record Result(int threads, long nanos, long checksum) {
    }

    /** A slice of arithmetic the JIT cannot fold: a xorshift generator, {@code work} rounds. */
    static long slice(long x, int work) {
        for (int i = 0; i < work; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    @Coroutine
    static long worker(long seed, int steps, int work) {
        long x = seed;
        for (int s = 0; s < steps; s++) {
            x = slice(x, work);
            Co.yield(null); // the other tasks of this kernel get a turn; a busy kernel may hand it on here
        }
        return x;
    }

    /**
     * Runs the fan-out once.
     *
     * @param threads how many threads the scheduler runs on
     * @param tasks   how many tasks
     * @param steps   slices per task
     * @param work    rounds of arithmetic per slice
     * @return the wall time and checksum
     */
    public static Result measure(int threads, int tasks, int steps, int work) {
        List<Task> all = new ArrayList<>();
        long start;
        long end;
        try (Scheduler sched = Scheduler.onThreads(threads)) {
            for (int t = 0; t < tasks; t++) {
                long seed = 0x9E3779B97F4A7C15L * (t + 1);
                all.add(sched.spawnReturning(() -> worker(seed, steps, work)));
            }
            start = System.nanoTime();
            sched.run();
            end = System.nanoTime();
        }
        long checksum = 0;
        for (Task t : all) {
            checksum = checksum * 31 + t.result(Long.class);
        }
        return new Result(threads, end - start, checksum);
    }

    public static void run(PrintStream out, String... args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int work = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int cores = Runtime.getRuntime().availableProcessors();
        out.println(String.format(Locale.ROOT, "%d tasks x %d slices of %d rounds, on 1 thread and on %d", tasks, steps,
                work, cores));
        for (int r = 1; r <= runs; r++) {
            Result one = measure(1, tasks, steps, work);
            Result all = measure(cores, tasks, steps, work);
            out.println(String.format(Locale.ROOT, "run %d: 1 thread %.1f ms, %d threads %.1f ms, speed-up %.2f, checksums %s",
                    r, one.nanos() / 1e6, cores, all.nanos() / 1e6, (double) one.nanos() / all.nanos(),
                    one.checksum() == all.checksum() ? "equal" : "DIFFER"));
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
