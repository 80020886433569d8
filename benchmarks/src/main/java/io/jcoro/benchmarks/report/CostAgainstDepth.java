package io.jcoro.benchmarks.report;

import static io.jcoro.benchmarks.report.Format.nanosOrDash;
import static io.jcoro.benchmarks.report.Format.num;
import static io.jcoro.benchmarks.report.Format.timeAndBytes;
import static io.jcoro.benchmarks.report.Shapes.SUMMARY_DEPTH;
import static io.jcoro.benchmarks.report.Shapes.columnName;

import java.util.ArrayList;
import java.util.List;

/** B2: the cost of a yield round trip against the depth of the stack, per column and JDK, and its chart. */
final class CostAgainstDepth extends ReportSection {
    /** A column of the table: that JDK's figures for that column. */
    private record Col(Results.Jdk jdk, String column) {
    }

    /** The chart's path relative to the report, or null if none was drawn. */
    private final String chart;

    CostAgainstDepth(Results r, StringBuilder out, String chart) {
        super(r, out);
        this.chart = chart;
    }

    @Override
    void write() {
        line("## B2: cost against depth");
        line();
        MarkdownTable table = new MarkdownTable("depth");
        List<Col> cols = new ArrayList<>();
        for (Results.Jdk jdk : r.jdks) {
            for (String c : Shapes.COLUMNS) {
                if (jdk.score("B2", c, 1) != null || jdk.score("B2", c, SUMMARY_DEPTH) != null) {
                    table.column(columnName(c, "B2") + ", JDK " + jdk.feature);
                    cols.add(new Col(jdk, c));
                }
            }
        }
        table.column("CPython (yield from chain)");
        for (int depth : new int[] {1, 3, 10, 30, 100}) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(depth)));
            boolean any = false;
            for (Col c : cols) {
                Score s = c.jdk().score("B2", c.column(), depth);
                any |= s != null;
                row.add(s == null ? "-" : timeAndBytes(s));
            }
            row.add(nanosOrDash(r.python("B2/" + depth)));
            if (any) {
                table.row(row);
            }
        }
        table.writeTo(this);
        line();
        for (Results.Jdk jdk : r.jdks) {
            Score j1 = jdk.score("B2", "jcoro", 1);
            Score j100 = jdk.score("B2", "jcoro", 100);
            Score f1 = jdk.score("B2", "floor", 1);
            Score f100 = jdk.score("B2", "floor", 100);
            if (j1 != null && j100 != null) {
                line("* JDK " + jdk.feature + ": jcoro costs about " + num((j100.nanos() - j1.nanos()) / 99)
                        + " ns per extra frame (depth 1 to 100)"
                        + (f1 != null && f100 != null ? ", the floor " + num((f100.nanos() - f1.nanos()) / 99) + " ns" : "")
                        + ".");
            }
        }
        line();
        if (chart != null) {
            line("![B2: ns per round trip against depth](" + chart + ")");
            line();
        }
    }
}
