package io.jcoro.benchmarks.report;

import static io.jcoro.benchmarks.report.Format.bytesOrDash;
import static io.jcoro.benchmarks.report.Format.num;

/** S2: heap per sleeping task, a jcoro scheduler task against a virtual thread, per JDK. */
final class SleepingTaskHeap extends ReportSection {
    SleepingTaskHeap(Results r, StringBuilder out) {
        super(r, out);
    }

    @Override
    void write() {
        line("## S2: heap per sleeping task");
        line();
        line("A million tasks asleep: jcoro scheduler tasks in `Syscalls.sleep` (three frames deep), or"
                + " virtual threads in `Thread.sleep`; heap after full GCs, scheduler structures included.");
        line();
        MarkdownTable table = new MarkdownTable("JDK", "jcoro task", "virtual thread", "target");
        for (Results.Jdk jdk : r.jdks) {
            double j = jdk.s2Bytes("jcoro");
            double v = jdk.s2Bytes("virtualThread");
            if (Double.isNaN(j) && Double.isNaN(v)) {
                continue;
            }
            table.row(Integer.toString(jdk.feature), bytesOrDash(j), bytesOrDash(v),
                    "<= " + num(IssueFigures.S2_TARGET) + " B");
        }
        table.writeTo(this);
        line();
    }
}
