package io.jcoro.benchmarks.heap;

import io.jcoro.benchmarks.LoomBaselines;
import io.jcoro.benchmarks.json.Json;
import io.jcoro.core.Coroutine;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * S2: heap bytes per sleeping task, with a million of them: jcoro scheduler tasks asleep in
 * {@code Syscalls.sleep} (three frames deep, as the scheduler issue measured), or virtual threads
 * in {@code Thread.sleep}. One column per JVM: {@code s2 jcoro|virtualThread [n]}. Prints one
 * JSON object on standard output.
 */
public final class SleepingWeight {
    private SleepingWeight() {
    }

    @Coroutine
    static void sleeper() {
        Syscalls.sleep(3_600_000);
    }

    /**
     * @param n how many tasks
     * @return heap bytes per sleeping jcoro task
     */
    public static double bytesPerTask(int n) {
        Scheduler sched = new Scheduler();
        long[] used = new long[2];
        used[0] = HeapMeter.usedAfterGc();
        sched.spawn(() -> {
            for (int i = 0; i < n; i++) {
                Syscalls.newTask(SleepingWeight::sleeper);
            }
            Syscalls.sleep(0);                  // every sleeper has run to its sleep
            used[1] = HeapMeter.usedAfterGc();
            sched.stop();
        });
        sched.run();
        return (double) (used[1] - used[0]) / n;
    }

    /** @param args {@code jcoro|virtualThread [n]} (n defaults to 1000000) */
    public static void main(String[] args) {
        String column = args.length > 0 ? args[0] : "jcoro";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        double bytes = switch (column) {
            case "jcoro" -> bytesPerTask(n);
            case "virtualThread" -> LoomBaselines.sleepingThreadBytes(n);
            default -> throw new IllegalArgumentException("no such S2 column: " + column);
        };
        System.err.println(String.format(Locale.ROOT, "S2 %-13s %,d sleeping: %.1f bytes each", column, n, bytes));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("column", column);
        out.put("n", n);
        out.put("bytes", bytes);
        System.out.println(Json.write(out));
        System.out.flush();
        Runtime.getRuntime().halt(0);       // a million parked tasks or threads need no clean-up
    }
}
