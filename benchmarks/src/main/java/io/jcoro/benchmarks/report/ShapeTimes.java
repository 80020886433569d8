package io.jcoro.benchmarks.report;

import static io.jcoro.benchmarks.report.Format.nanosOrDash;
import static io.jcoro.benchmarks.report.Format.num;
import static io.jcoro.benchmarks.report.Format.ratio;
import static io.jcoro.benchmarks.report.Format.timeAndBytes;
import static io.jcoro.benchmarks.report.Shapes.SUMMARY_DEPTH;
import static io.jcoro.benchmarks.report.Shapes.pythonKey;
import static io.jcoro.benchmarks.report.Shapes.summaryDepth;

import java.util.ArrayList;
import java.util.List;

/**
 * One JDK's time (and allocation) per JMH shape in every column (Kilim's when the run measured
 * it), CPython's figures beside them, then each column's time as a ratio of jcoro's.
 */
final class ShapeTimes extends ReportSection {
    private final Results.Jdk jdk;

    ShapeTimes(Results r, StringBuilder out, Results.Jdk jdk) {
        super(r, out);
        this.jdk = jdk;
    }

    @Override
    void write() {
        line("## All columns, JDK " + jdk.version());
        line();
        line("ns/op (median of the JMH iterations ± JMH's 99.9% error) and B/op (`-prof gc`); B2 at depth "
                + SUMMARY_DEPTH
                + ". CPython is timeit's best, including its loop (" + num(r.python("loop")) + " ns for `pass`).");
        line();
        MarkdownTable times = new MarkdownTable("shape", "jcoro", "hand-written floor", "Loom Continuation",
                "virtual threads", "Kilim 2.0.2", "CPython");
        for (String shape : Shapes.JMH) {
            int depth = summaryDepth(shape);
            List<String> row = new ArrayList<>(List.of(Shapes.shapeName(shape)));
            for (String c : Shapes.COLUMNS) {
                Score s = jdk.score(shape, c, depth);
                row.add(s == null ? "-" : timeAndBytes(s));
            }
            row.add(nanosOrDash(r.python(pythonKey(shape, depth))));
            times.row(row);
        }
        times.writeTo(this);
        line();
        Score guarded = jdk.score("B1", "guardedFloor", 0);
        Score floor = jdk.score("B1", "floor", 0);
        if (guarded != null && floor != null) {
            line("Diagnostic: B1's floor with a thread-safe generator's state guard added (a compare-and-set"
                    + " to running, a release store back; `GuardedCountingIterator`): " + timeAndBytes(guarded)
                    + ", so the guard alone costs about " + num(guarded.nanos() - floor.nanos()) + " ns per resume.");
            line();
        }
        line("Ratios: the other column's time divided by jcoro's (above 1: jcoro is that many times faster;"
                + " below 1: slower). The target column is target ÷ jcoro (at least 1 meets it).");
        line();
        MarkdownTable ratios = new MarkdownTable("shape", "target", "floor", "Loom Continuation", "virtual threads",
                "Kilim 2.0.2", "CPython");
        for (String shape : Shapes.JMH) {
            int depth = summaryDepth(shape);
            Score j = jdk.score(shape, "jcoro", depth);
            if (j == null) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(shape, ratio(IssueFigures.targetNanos(shape), j.nanos())));
            for (String c : Shapes.BASELINES) {
                Score s = jdk.score(shape, c, depth);
                row.add(s == null ? "-" : ratio(s.nanos(), j.nanos()));
            }
            row.add(ratio(r.python(pythonKey(shape, depth)), j.nanos()));
            ratios.row(row);
        }
        ratios.writeTo(this);
        line();
    }
}
