package io.jcoro.benchmarks.report;

import static io.jcoro.benchmarks.report.Format.num;
import static io.jcoro.benchmarks.report.Format.timeAndBytes;
import static io.jcoro.benchmarks.report.Format.verdict;
import static io.jcoro.benchmarks.report.Format.verdictAtMost;
import static io.jcoro.benchmarks.report.Format.whole;
import static io.jcoro.benchmarks.report.Shapes.SUMMARY_DEPTH;
import static io.jcoro.benchmarks.report.Shapes.columnName;
import static io.jcoro.benchmarks.report.Shapes.pythonKey;
import static io.jcoro.benchmarks.report.Shapes.summaryDepth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * jcoro against the issue's targets, one column per JDK (time and allocation per JMH shape,
 * heap per suspended generator and per sleeping task, the echo server against virtual
 * threads), then every column that beat jcoro somewhere.
 */
final class TargetSummary extends ReportSection {
    TargetSummary(Results r, StringBuilder out) {
        super(r, out);
    }

    @Override
    void write() {
        line("## jcoro against the issue's targets");
        line();
        if (!r.jdks.isEmpty()) {
            Object commit = r.jdks.get(0).run.getOrDefault("source", "unknown");
            line("From the last full run (`benchmarks/run`, jcoro at commit " + commit
                    + "; the machine and the commands are at the end); the one-run comparison with Kilim and Loom"
                    + " that follows may be newer, and says its commit.");
            line();
        }
        MarkdownTable table = new MarkdownTable("shape", "target");
        for (Results.Jdk jdk : r.jdks) {
            table.column("jcoro, JDK " + jdk.feature);
        }
        for (String shape : Shapes.JMH) {
            double target = IssueFigures.targetNanos(shape);
            boolean noAllocation = IssueFigures.targetNoAllocation(shape);
            List<String> row = new ArrayList<>(List.of(Shapes.shapeName(shape),
                    "<= " + whole(target) + " ns" + (noAllocation ? ", 0 B/op" : "")));
            for (Results.Jdk jdk : r.jdks) {
                Score s = jdk.score(shape, "jcoro", summaryDepth(shape));
                row.add(s == null ? "-" : timeAndBytes(s) + "<br>" + verdict(s, target, noAllocation));
            }
            table.row(row);
        }
        for (int depth : new int[] {1, 10}) {
            double target = IssueFigures.m1Target(depth);
            List<String> row = new ArrayList<>(List.of("M1 bytes per suspended generator, depth " + depth,
                    "<= " + whole(target) + " B"));
            for (Results.Jdk jdk : r.jdks) {
                double b = jdk.m1Bytes("jcoro", depth);
                row.add(Double.isNaN(b) ? "-" : num(b) + " B<br>" + verdictAtMost(b, target, "B"));
            }
            table.row(row);
        }
        List<String> s2 = new ArrayList<>(List.of("S2 bytes per sleeping task", "<= " + whole(IssueFigures.S2_TARGET) + " B"));
        for (Results.Jdk jdk : r.jdks) {
            double b = jdk.s2Bytes("jcoro");
            s2.add(Double.isNaN(b) ? "-" : num(b) + " B<br>" + verdictAtMost(b, IssueFigures.S2_TARGET, "B"));
        }
        table.row(s2);
        List<String> n1 = new ArrayList<>(List.of("N1 1,000 clients", "throughput >= virtual threads', p99 <= 1.5x theirs"));
        for (Results.Jdk jdk : r.jdks) {
            n1.add(echoVerdict(jdk, 1000));
        }
        table.row(n1);
        table.writeTo(this);
        line();
        line("Beyond the targets, the issue asks that jcoro beat every other column on every shape. Columns"
                + " faster than jcoro, per JDK (the hand-written floor is a floor, not a competitor):");
        line();
        for (Results.Jdk jdk : r.jdks) {
            List<String> faster = fasterThanJcoro(jdk);
            line("* JDK " + jdk.feature + ": " + (faster.isEmpty() ? "none" : String.join(", ", faster)) + ".");
        }
        line();
    }

    /** Every competitor (not the floor) that took less time than jcoro on some shape. */
    private List<String> fasterThanJcoro(Results.Jdk jdk) {
        List<String> faster = new ArrayList<>();
        for (String shape : Shapes.JMH) {
            int depth = summaryDepth(shape);
            Score j = jdk.score(shape, "jcoro", depth);
            if (j == null) {
                continue;
            }
            for (String c : List.of("continuation", "virtualThread", "kilim")) {
                Score o = jdk.score(shape, c, depth);
                if (o != null && o.nanos() < j.nanos()) {
                    faster.add(shape + ": " + columnName(c, shape));
                }
            }
            if (r.python(pythonKey(shape, depth)) < j.nanos()) {
                faster.add(shape + ": CPython");
            }
        }
        for (Score o : jdk.scores) {
            Score j = o.shape().equals("B2") && o.depth() != SUMMARY_DEPTH && !o.column().equals("jcoro")
                    && !o.column().equals("floor")
                    ? jdk.score("B2", "jcoro", o.depth()) : null;
            if (j != null && o.nanos() < j.nanos()) {
                faster.add("B2 at depth " + o.depth() + ": " + columnName(o.column(), "B2"));
            }
        }
        return faster;
    }

    /** N1's target: at least the virtual-thread server's throughput, at most 1.5x its p99. */
    private static String echoVerdict(Results.Jdk jdk, int clients) {
        Map<String, Object> j = jdk.n1Row("jcoro", clients);
        Map<String, Object> v = jdk.n1Row("virtualThread", clients);
        if (j == null) {
            return "-";
        }
        String mine = num(Results.number(j.get("requestsPerSecond"))) + " req/s, p99 "
                + Format.micros(Results.number(j.get("p99Micros")));
        if (v == null) {
            return mine + "<br>(no virtual threads on this JDK)";
        }
        double tput = Results.number(j.get("requestsPerSecond")) / Results.number(v.get("requestsPerSecond"));
        double p99 = Results.number(j.get("p99Micros")) / Results.number(v.get("p99Micros"));
        boolean met = tput >= 1 && p99 <= IssueFigures.N1_P99_FACTOR;
        return mine + "<br>" + (met ? "**met**" : "**missed**") + ": " + num(tput) + "x their throughput, " + num(p99)
                + "x their p99";
    }
}
