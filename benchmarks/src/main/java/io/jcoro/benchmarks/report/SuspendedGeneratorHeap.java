package io.jcoro.benchmarks.report;

import static io.jcoro.benchmarks.report.Format.num;
import static io.jcoro.benchmarks.report.Shapes.columnName;

import java.util.ArrayList;
import java.util.List;

/** M1: heap per suspended generator at depth 1 and 10, per column and JDK, with CPython and Kilim. */
final class SuspendedGeneratorHeap extends ReportSection {
    /** A column of the table: that JDK's figures for that column. */
    private record Col(Results.Jdk jdk, String column) {
    }

    SuspendedGeneratorHeap(Results r, StringBuilder out) {
        super(r, out);
    }

    @Override
    void write() {
        line("## M1: heap per suspended generator");
        line();
        line("Heap in use after full GCs with N generators suspended at their first yield, minus the same"
                + " before, divided by N (N = " + r.m1Count() + "). Bodies are shared, as the benchmarks'; a"
                + " virtual-thread generator is its thread plus the hand-off state. CPython: tracemalloc.");
        line();
        MarkdownTable table = new MarkdownTable("depth", "target");
        List<Col> cols = new ArrayList<>();
        for (Results.Jdk jdk : r.jdks) {
            for (String c : Shapes.COLUMNS) {
                if (!Double.isNaN(jdk.m1Bytes(c, 1))) {
                    table.column(columnName(c, "M1") + ", JDK " + jdk.feature);
                    cols.add(new Col(jdk, c));
                }
            }
        }
        table.column("CPython").column("Kilim (issue)");
        for (int depth : new int[] {1, 10}) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(depth),
                    "<= " + num(IssueFigures.m1Target(depth)) + " B"));
            for (Col c : cols) {
                row.add(num(c.jdk().m1Bytes(c.column(), depth)) + " B");
            }
            row.add(Format.bytesOrDash(r.pythonBytes("M1/" + depth)));
            row.add(num(IssueFigures.m1Kilim(depth)) + " B");
            table.row(row);
        }
        table.writeTo(this);
        line();
    }
}
