package io.jcoro.benchmarks.heap;

import io.jcoro.benchmarks.LoomBaselines;
import io.jcoro.benchmarks.json.Json;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * M1: retained heap bytes per suspended generator, for each column at each depth. Prints one JSON
 * object on standard output (progress on standard error).
 */
public final class SuspendedWeight {
    private SuspendedWeight() {
    }

    /**
     * @param s     the column
     * @param depth frames deep
     * @param n     how many to keep suspended at once
     * @return heap bytes per suspended coroutine
     */
    public static double bytesEach(Suspender s, int depth, int n) {
        Object[] all = new Object[n];
        Object[] warm = new Object[1000];       // first-use classes and code are not the coroutines' weight
        for (int i = 0; i < warm.length; i++) {
            warm[i] = s.suspend(depth);
        }
        s.awaitSuspended(warm);
        s.release(warm);
        long before = HeapMeter.usedAfterGc();
        for (int i = 0; i < n; i++) {
            all[i] = s.suspend(depth);
        }
        s.awaitSuspended(all);
        long after = HeapMeter.usedAfterGc();
        Reference.reachabilityFence(all);
        s.release(all);
        return (double) (after - before) / n;
    }

    /** @return the columns this JVM can measure */
    static List<Suspender> columns() {
        List<Suspender> columns = new ArrayList<>(List.of(new JcoroSuspender(), new FloorSuspender()));
        if (LoomBaselines.available()) {
            columns.addAll(LoomBaselines.suspenders());
        }
        return columns;
    }

    /** @param args {@code [n] [depth...]}, default 100000 at depths 1 and 10 */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<Integer> depths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            depths.add(Integer.parseInt(args[i]));
        }
        if (depths.isEmpty()) {
            depths = List.of(1, 10);
        }
        List<Object> rows = new ArrayList<>();
        for (Suspender s : columns()) {
            for (int depth : depths) {
                double bytes = bytesEach(s, depth, n);
                System.err.println(String.format(Locale.ROOT, "M1 %-13s depth %3d: %8.1f bytes each", s.column(), depth,
                        bytes));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("column", s.column());
                row.put("depth", depth);
                row.put("bytes", bytes);
                rows.add(row);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", n);
        out.put("results", rows);
        System.out.println(Json.write(out));
    }
}
