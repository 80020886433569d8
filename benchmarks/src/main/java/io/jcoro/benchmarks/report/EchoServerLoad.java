package io.jcoro.benchmarks.report;

import static io.jcoro.benchmarks.report.Format.fmtInt;
import static io.jcoro.benchmarks.report.Format.micros;
import static io.jcoro.benchmarks.report.Format.num;
import static io.jcoro.benchmarks.report.Results.number;

import java.util.Map;

/** N1: an echo server under load on loopback, jcoro against virtual threads: throughput and latency. */
final class EchoServerLoad extends ReportSection {
    EchoServerLoad(Results r, StringBuilder out) {
        super(r, out);
    }

    @Override
    void write() {
        line("## N1: echo server, loopback");
        line();
        line("Every client connects, then sends 1 KiB messages one at a time and reads each echo back"
                + " (`io.jcoro.samples.net.EchoLoad`, one scheduler thread for all clients, in the same JVM"
                + " as the server). Figures: the median of the measured rounds (range in brackets), after a"
                + " warm-up round.");
        line();
        MarkdownTable table = new MarkdownTable("JDK", "clients", "requests each", "server", "requests/s", "MB/s",
                "p50", "p99");
        for (Results.Jdk jdk : r.jdks) {
            for (Map<String, Object> row : jdk.n1) {
                table.row(Integer.toString(jdk.feature), fmtInt(row.get("clients")), fmtInt(row.get("requests")),
                        Shapes.columnName((String) row.get("column"), "N1"),
                        num(number(row.get("requestsPerSecond"))) + " ("
                                + num(number(row.get("requestsPerSecondMin"))) + "-"
                                + num(number(row.get("requestsPerSecondMax"))) + ")",
                        num(number(row.get("megabytesPerSecond"))),
                        micros(number(row.get("p50Micros"))),
                        micros(number(row.get("p99Micros"))) + " ("
                                + micros(number(row.get("p99MicrosMin"))) + "-"
                                + micros(number(row.get("p99MicrosMax"))) + ")");
            }
        }
        table.writeTo(this);
        line();
        for (Results.Jdk jdk : r.jdks) {
            for (int clients : new int[] {100, 1000}) {
                Map<String, Object> j = jdk.n1Row("jcoro", clients);
                Map<String, Object> v = jdk.n1Row("virtualThread", clients);
                if (j != null && v != null) {
                    line("* JDK " + jdk.feature + ", " + clients + " clients: jcoro's throughput is "
                            + num(number(j.get("requestsPerSecond")) / number(v.get("requestsPerSecond")))
                            + "x the virtual-thread server's, its p99 "
                            + num(number(j.get("p99Micros")) / number(v.get("p99Micros"))) + "x.");
                }
            }
        }
        line();
    }
}
