package io.jcoro.benchmarks.report;

import io.jcoro.benchmarks.json.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A results directory as the runner leaves it: {@code machine.json}, {@code python.json}, and per
 * JDK {@code jdk-N/} with {@code jmh.json}, {@code m1.json}, {@code s2-*.json}, {@code n1.json} and
 * {@code run.json}. Missing files are missing parts, not errors.
 */
public final class Results {
    /** JMH class simple names (without {@code Loom}) to shapes. */
    private static final Map<String, String> SHAPES = Map.of(
            "YieldBench", "B1", "DepthBench", "B2", "GrepBench", "B3", "SpawnBench", "B4", "TaskSwitchBench", "S1");

    /** What one JDK's run left. */
    public static final class Jdk {
        /** Its feature release, 17 or 25. */
        public final int feature;
        /** Every JMH figure. */
        public final List<Score> scores = new ArrayList<>();
        /** run.json: version, settings, commands, load averages. */
        public Map<String, Object> run = Map.of();
        /** m1.json's rows: column, depth, bytes. */
        public List<Map<String, Object>> m1 = List.of();
        /** m1.json's {@code n}: how many generators were suspended at once; 0 if not measured. */
        public int m1Count;
        /** s2-*.json by column. */
        public final Map<String, Map<String, Object>> s2 = new TreeMap<>();
        /** n1.json's rows: column, clients, throughput and latencies. */
        public List<Map<String, Object>> n1 = List.of();
        /** The JVM JMH saw ({@code vmName vmVersion}). */
        public String vm = "";

        Jdk(int feature) {
            this.feature = feature;
        }

        /**
         * @return the figure, or null if not measured
         */
        public Score score(String shape, String column, int depth) {
            for (Score s : scores) {
                if (s.shape().equals(shape) && s.column().equals(column) && s.depth() == depth) {
                    return s;
                }
            }
            return null;
        }

        /** @return M1's bytes per suspended generator for that column and depth, NaN if not measured */
        public double m1Bytes(String column, int depth) {
            for (Map<String, Object> row : m1) {
                if (column.equals(row.get("column")) && number(row.get("depth")) == depth) {
                    return number(row.get("bytes"));
                }
            }
            return Double.NaN;
        }

        /** @return S2's bytes per sleeping task for that column, NaN if not measured */
        public double s2Bytes(String column) {
            Map<String, Object> s = s2.get(column);
            return s == null ? Double.NaN : number(s.get("bytes"));
        }

        /** @return N1's row for that column and number of clients, or null */
        public Map<String, Object> n1Row(String column, int clients) {
            for (Map<String, Object> row : n1) {
                if (column.equals(row.get("column")) && number(row.get("clients")) == clients) {
                    return row;
                }
            }
            return null;
        }

        /** @return the JDK's version as run.json has it */
        public String version() {
            Object v = run.get("jdk");
            return v == null ? "" + feature : v.toString();
        }
    }

    /** The directory read. */
    public final Path dir;
    /** machine.json. */
    public final Map<String, Object> machine;
    /** python.json, empty if CPython was not run. */
    public final Map<String, Object> python;
    /** Per JDK, oldest release first. */
    public final List<Jdk> jdks = new ArrayList<>();

    private Results(Path dir) throws IOException {
        this.dir = dir;
        this.machine = object(dir.resolve("machine.json"));
        this.python = object(dir.resolve("python.json"));
        List<Path> jdkDirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "jdk-*")) {
            ds.forEach(jdkDirs::add);
        }
        jdkDirs.sort((a, b) -> Integer.compare(feature(a), feature(b)));
        for (Path d : jdkDirs) {
            jdks.add(readJdk(d));
        }
    }

    /**
     * @param dir a results directory
     * @return what it holds
     * @throws IOException if a file cannot be read
     */
    public static Results read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no results directory " + dir);
        }
        return new Results(dir);
    }

    private static int feature(Path jdkDir) {
        return Integer.parseInt(jdkDir.getFileName().toString().substring(4));
    }

    @SuppressWarnings("unchecked")
    private static Jdk readJdk(Path d) throws IOException {
        Jdk jdk = new Jdk(feature(d));
        jdk.run = object(d.resolve("run.json"));
        Map<String, Object> m1 = object(d.resolve("m1.json"));
        jdk.m1 = rows(m1);
        jdk.m1Count = (int) number(m1.get("n"));
        jdk.n1 = rows(object(d.resolve("n1.json")));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d, "s2-*.json")) {
            for (Path p : ds) {
                Map<String, Object> s2 = object(p);
                jdk.s2.put((String) s2.get("column"), s2);
            }
        }
        Path jmh = d.resolve("jmh.json");
        if (Files.isRegularFile(jmh)) {
            for (Object o : (List<Object>) Json.parse(Files.readString(jmh))) {
                Map<String, Object> e = (Map<String, Object>) o;
                String benchmark = (String) e.get("benchmark");
                String[] parts = benchmark.split("\\.");
                String shape = SHAPES.get(parts[parts.length - 2].replace("Loom", ""));
                if (shape == null) {
                    continue;
                }
                Map<String, Object> params = (Map<String, Object>) e.get("params");
                int depth = params != null && params.get("depth") != null
                        ? Integer.parseInt((String) params.get("depth")) : 0;
                Map<String, Object> primary = (Map<String, Object>) e.get("primaryMetric");
                Map<String, Object> secondary = (Map<String, Object>) e.get("secondaryMetrics");
                Map<String, Object> alloc = secondary == null ? null
                        : (Map<String, Object>) (secondary.containsKey("gc.alloc.rate.norm")
                        ? secondary.get("gc.alloc.rate.norm") : secondary.get("\u00b7gc.alloc.rate.norm"));
                jdk.scores.add(new Score(shape, parts[parts.length - 1], depth, median(primary),
                        number(primary.get("scoreError")), alloc == null ? Double.NaN : number(alloc.get("score"))));
                jdk.vm = e.get("vmName") + " " + e.get("vmVersion");
            }
        }
        return jdk;
    }

    /** The median of the measurement iterations (robust on a noisy machine), else JMH's mean. */
    @SuppressWarnings("unchecked")
    private static double median(Map<String, Object> primary) {
        Map<String, Object> percentiles = (Map<String, Object>) primary.get("scorePercentiles");
        Object median = percentiles == null ? null : percentiles.get("50.0");
        return number(median != null ? median : primary.get("score"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> o) {
        Object rows = o.get("results");
        return rows == null ? List.of() : (List<Map<String, Object>>) rows;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Path p) throws IOException {
        if (!Files.isRegularFile(p)) {
            return Collections.emptyMap();
        }
        return (Map<String, Object>) Json.parse(Files.readString(p));
    }

    /** @return a JSON number as a double; NaN for "NaN", null or anything else */
    static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** @return M1's N, from the first JDK that measured it, else 0 */
    public int m1Count() {
        for (Jdk jdk : jdks) {
            if (jdk.m1Count > 0) {
                return jdk.m1Count;
            }
        }
        return 0;
    }

    /**
     * @param key a key of python.json's {@code nsPerOp} (B1, B2/10, B3, ...)
     * @return CPython's figure, NaN if not measured
     */
    @SuppressWarnings("unchecked")
    public double python(String key) {
        Object m = python.get("nsPerOp");
        return m == null ? Double.NaN : number(((Map<String, Object>) m).get(key));
    }

    /**
     * @param key M1/1 or M1/10
     * @return CPython's bytes per suspended generator, NaN if not measured
     */
    @SuppressWarnings("unchecked")
    public double pythonBytes(String key) {
        Object m = python.get("bytes");
        return m == null ? Double.NaN : number(((Map<String, Object>) m).get(key));
    }
}
