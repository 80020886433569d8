package io.jcoro.benchmarks.report;

import static io.jcoro.benchmarks.report.Format.num;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * jcoro beside the hand-written floor, Kilim 2.0.2 and Loom's {@code Continuation}, each JDK and
 * heap setting one JMH run ({@code results/compare/jdk-N/{default,pretouch}.json}, written by
 * {@code compare}), every figure the median over forks with the forks' range, every ratio from
 * the same run; then P1, the primitive generators, when measured ({@code primitive-*.json}).
 */
final class OneRunComparison extends ReportSection {
    /** Heap settings in the order shown, with what they are. */
    private static final Map<String, String> HEAPS = Map.of(
            "default", "the JVM's default heap flags",
            "pretouch", "heap pre-touched (`-Xms1g -Xmx1g -XX:+AlwaysPreTouch`)");
    private static final List<String> HEAP_ORDER = List.of("default", "pretouch");
    /** Column heads, and the JMH method (or Loom class suffix) each reads. */
    private static final List<String> COLUMNS = List.of("jcoro", "floor", "kilim", "continuation");

    OneRunComparison(Results r, StringBuilder out) {
        super(r, out);
    }

    @Override
    void write() throws IOException {
        Path compare = r.dir.resolve("compare");
        if (!Files.isDirectory(compare)) {
            return;
        }
        line("## jcoro, Kilim and Loom in one run");
        line();
        line("Each JDK and heap setting is one JMH run (`java -jar benchmarks/target/jcoro-benchmarks.jar compare"
                + " JAVA_HOME...`) in which every column ran: jcoro, the hand-written floor, Kilim 2.0.2 (woven at build"
                + " time by its own weaver) and, on JDK 21+, Loom's `Continuation`. A figure is the median over the forks"
                + " of each fork's median iteration, with the range over the forks in brackets; B/op is `-prof gc`'s."
                + " A ratio is the other column's median ÷ jcoro's (above 1: jcoro is faster), in brackets the least"
                + " and most the forks allow (the other's fastest fork ÷ jcoro's slowest, and the reverse).");
        line();
        List<String> commands = new ArrayList<>();
        for (Path dir : jdkDirs(compare)) {
            for (String heap : HEAP_ORDER) {
                List<ForkSpread> runs = ForkSpread.read(dir.resolve(heap + ".json"));
                Map<String, Object> run = Results.object(dir.resolve("run-" + heap + ".json"));
                int feature = Integer.parseInt(dir.getFileName().toString().substring(4));
                if (!runs.isEmpty()) {
                    writeRun(runs, run, feature, heap);
                    commands.add(MachineAndRuns.portable(String.valueOf(run.get("command")), feature));
                }
                Path primitive = dir.resolve("primitive-" + heap + ".json");
                Map<String, Object> primitiveRun = Results.object(dir.resolve("run-primitive-" + heap + ".json"));
                List<ForkSpread> p1 = ForkSpread.read(primitive);
                if (!p1.isEmpty()) {
                    writePrimitive(p1, primitiveRun, feature, heap);
                    commands.add(MachineAndRuns.portable(String.valueOf(primitiveRun.get("command")), feature));
                }
            }
        }
        line("Commands, as run:");
        line();
        line("```sh");
        commands.forEach(this::line);
        line("```");
        line();
    }

    private static List<Path> jdkDirs(Path compare) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(compare, "jdk-*")) {
            ds.forEach(dirs::add);
        }
        dirs.sort((a, b) -> Integer.compare(feature(a), feature(b)));
        return dirs;
    }

    private static int feature(Path dir) {
        return Integer.parseInt(dir.getFileName().toString().substring(4));
    }

    private void writeRun(List<ForkSpread> runs, Map<String, Object> run, int feature, String heap) {
        line("### JDK " + run.getOrDefault("jdk", feature) + ", " + HEAPS.get(heap));
        line();
        line("jcoro at commit " + run.getOrDefault("source", "unknown") + "; " + run.get("settings") + "; "
                + num(Results.number(run.get("seconds"))) + " s; load average (1 min) before " + Format.load(run.get("before"))
                + ", after " + Format.load(run.get("after")) + ".");
        line();
        List<String[]> rows = new ArrayList<>();      // shape name, JMH class, depth
        rows.add(new String[] {"B1 yield, depth 1", "YieldBench", "0"});
        TreeSet<Integer> depths = new TreeSet<>();
        runs.stream().filter(s -> s.benchmark().contains("DepthBench") || s.benchmark().contains("DepthLoomBench"))
                .forEach(s -> depths.add(s.depth()));
        for (int d : depths) {
            rows.add(new String[] {"B2 yield, depth " + d, "DepthBench", "" + d});
        }
        rows.add(new String[] {"B4 spawn (create, one yield, end)", "SpawnBench", "0"});

        MarkdownTable times = new MarkdownTable("shape", "jcoro", "floor", "Kilim 2.0.2", "Loom Continuation");
        MarkdownTable ratios = new MarkdownTable("shape", "floor ÷ jcoro", "Kilim ÷ jcoro", "Loom ÷ jcoro");
        for (String[] row : rows) {
            int depth = Integer.parseInt(row[2]);
            List<String> t = new ArrayList<>(List.of(row[0]));
            List<String> q = new ArrayList<>(List.of(row[0]));
            ForkSpread j = find(runs, row[1], "jcoro", depth);
            for (String c : COLUMNS) {
                ForkSpread s = find(runs, row[1], c, depth);
                t.add(s == null ? "-" : cell(s));
                if (!c.equals("jcoro")) {
                    q.add(s == null || j == null ? "-" : ratio(s, j));
                }
            }
            times.row(t);
            ratios.row(q);
        }
        times.writeTo(this);
        line();
        ratios.writeTo(this);
        line();
        if (depths.size() >= 2) {
            int lo = depths.first();
            int hi = depths.last();
            List<String> slopes = new ArrayList<>();
            for (String c : COLUMNS) {
                ForkSpread a = find(runs, "DepthBench", c, lo);
                ForkSpread b = find(runs, "DepthBench", c, hi);
                if (a != null && b != null) {
                    slopes.add(name(c) + " " + num((b.median() - a.median()) / (hi - lo)) + " ns");
                }
            }
            line("Cost per extra suspended frame (B2, depth " + lo + " to " + hi + ", medians): "
                    + String.join(", ", slopes) + ".");
            line();
        }
    }

    private void writePrimitive(List<ForkSpread> p1, Map<String, Object> run, int feature, String heap) {
        line("### P1 primitive generators: JDK " + run.getOrDefault("jdk", feature) + ", " + HEAPS.get(heap));
        line();
        line("One value per op, the body counting with `i++`: an `IntGenerator` (`IntGenerator.yield(i++)`), a"
                + " `Generator<Integer>` that boxes each value (`Co.yield(i++)`), and B1's generator of preallocated"
                + " boxes. jcoro at commit " + run.getOrDefault("source", "unknown") + "; "
                + String.valueOf(run.get("settings")).replaceFirst("; B2 depths.*", "") + ".");
        line();
        MarkdownTable t = new MarkdownTable("generator", "ns/op [forks]", "B/op", "time ÷ IntGenerator's");
        ForkSpread ints = find(p1, "PrimitiveYieldBench", "intGenerator", 0);
        for (String[] m : new String[][] {{"intGenerator", "`IntGenerator`"}, {"boxing", "`Generator<Integer>`, boxing"},
                {"preallocatedBoxes", "`Generator<Integer>`, preallocated boxes (B1)"}}) {
            ForkSpread s = find(p1, "PrimitiveYieldBench", m[0], 0);
            if (s != null) {
                t.row(m[1], cell(s).replaceFirst(", [^,]*$", ""), s.bytesPerOp() < 0.5 ? "0 B" : Format.bytesOrDash(s.bytesPerOp()),
                        ints == null ? "-" : ratio(s, ints));
            }
        }
        t.writeTo(this);
        line();
    }

    private static ForkSpread find(List<ForkSpread> runs, String jmhClass, String column, int depth) {
        String cls = column.equals("continuation") ? jmhClass.replace("Bench", "LoomBench") : jmhClass;
        for (ForkSpread s : runs) {
            if (s.is(cls + "." + column, depth)) {
                return s;
            }
        }
        return null;
    }

    private static String cell(ForkSpread s) {
        String bytes = Double.isNaN(s.bytesPerOp()) ? "" : ", " + (s.bytesPerOp() < 0.5 ? "0" : num(s.bytesPerOp())) + " B";
        return num(s.median()) + " [" + num(s.min()) + "-" + num(s.max()) + "] ns" + bytes;
    }

    private static String ratio(ForkSpread other, ForkSpread jcoro) {
        return num(other.median() / jcoro.median()) + "x [" + num(other.min() / jcoro.max()) + "-"
                + num(other.max() / jcoro.min()) + "]";
    }

    private static String name(String column) {
        return switch (column) {
            case "kilim" -> "Kilim";
            case "continuation" -> "Loom";
            default -> column;
        };
    }
}
