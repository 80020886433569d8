package io.jcoro.benchmarks.report;

import io.jcoro.benchmarks.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One benchmark of one JMH run, fork by fork: each fork's median iteration, and across the
 * forks their median, least and greatest. A fork is a JVM of its own, so the spread between
 * forks is what a rerun of the benchmark can give (JIT decisions, heap layout, the machine's
 * load), where the error JMH prints mixes it with the noise between iterations.
 *
 * @param benchmark  JMH's name of the method ({@code io.jcoro.benchmarks.jmh.YieldBench.jcoro})
 * @param depth      B2's depth, 0 for the other shapes
 * @param forks      each fork's median iteration, ns/op
 * @param bytesPerOp allocation per op from {@code -prof gc} over all forks, NaN if not measured
 */
record ForkSpread(String benchmark, int depth, double[] forks, double bytesPerOp) {

    /** @return the median of the forks' medians */
    double median() {
        return median(forks);
    }

    /** @return the fastest fork's median */
    double min() {
        return Arrays.stream(forks).min().orElse(Double.NaN);
    }

    /** @return the slowest fork's median */
    double max() {
        return Arrays.stream(forks).max().orElse(Double.NaN);
    }

    /** @return whether this is that class's method at that depth ({@code "YieldBench.kilim"}) */
    boolean is(String classAndMethod, int atDepth) {
        return benchmark.endsWith("." + classAndMethod) && depth == atDepth;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /**
     * @param jmhJson a JMH JSON result file (with {@code rawData}, as JMH writes it)
     * @return every benchmark in it; empty if the file does not exist or is empty
     * @throws IOException if it cannot be read
     */
    @SuppressWarnings("unchecked")
    static List<ForkSpread> read(Path jmhJson) throws IOException {
        List<ForkSpread> all = new ArrayList<>();
        String text = Files.isRegularFile(jmhJson) ? Files.readString(jmhJson) : "";
        if (text.isBlank()) {
            return all;     // not measured, or JMH has not finished writing it
        }
        for (Object o : (List<Object>) Json.parse(text)) {
            Map<String, Object> e = (Map<String, Object>) o;
            Map<String, Object> params = (Map<String, Object>) e.get("params");
            int depth = params != null && params.get("depth") != null ? Integer.parseInt((String) params.get("depth")) : 0;
            Map<String, Object> primary = (Map<String, Object>) e.get("primaryMetric");
            List<List<Object>> raw = (List<List<Object>>) primary.get("rawData");
            double[] forks = raw == null ? new double[] {Results.number(primary.get("score"))}
                    : raw.stream().mapToDouble(it -> median(it.stream().mapToDouble(Results::number).toArray())).toArray();
            Map<String, Object> secondary = (Map<String, Object>) e.get("secondaryMetrics");
            Object alloc = secondary == null ? null : secondary.getOrDefault("gc.alloc.rate.norm",
                    secondary.get("\u00b7gc.alloc.rate.norm"));
            double bytes = alloc instanceof Map<?, ?> a ? Results.number(a.get("score")) : Double.NaN;
            all.add(new ForkSpread((String) e.get("benchmark"), depth, forks, bytes));
        }
        return all;
    }
}
