package io.jcoro.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report from a small saved run: verdicts, ratios and the chart. */
class MarkdownReportTest {
    private static String jmh(String benchmark, String depth, double score, double error, double bytes) {
        return "{\"benchmark\":\"io.jcoro.benchmarks." + benchmark + "\",\"jdkVersion\":\"25\",\"vmName\":\"VM\","
                + "\"vmVersion\":\"25\",\"params\":" + (depth == null ? "null" : "{\"depth\":\"" + depth + "\"}")
                + ",\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":" + error + "},"
                + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":" + bytes + ",\"scoreError\":\"NaN\"}}}";
    }

    @Test
    void writesVerdictsRatiosAndTheChart(@TempDir Path root) throws IOException {
        Path results = root.resolve("benchmarks/results");
        Path jdk = Files.createDirectories(results.resolve("jdk-25"));
        Files.writeString(jdk.resolve("jmh.json"), "[" + String.join(",",
                jmh("jmh.YieldBench.jcoro", null, 3.0, 0.1, 0),
                jmh("jmh.YieldBench.floor", null, 1.0, 0.1, 0),
                jmh("loom.YieldLoomBench.continuation", null, 120, 4, 0),
                jmh("jmh.GrepBench.jcoro", null, 20, 1, 0),
                jmh("jmh.DepthBench.jcoro", "1", 3.0, 0.1, 0),
                jmh("jmh.DepthBench.jcoro", "10", 30, 1, 16),
                jmh("jmh.DepthBench.floor", "10", 15, 1, 0),
                jmh("loom.DepthLoomBench.continuation", "10", 100, 1, 0)) + "]");
        Files.writeString(jdk.resolve("m1.json"),
                "{\"n\":1000,\"results\":[{\"column\":\"jcoro\",\"depth\":1,\"bytes\":90},{\"column\":\"jcoro\",\"depth\":10,\"bytes\":320}]}");
        Files.writeString(jdk.resolve("run.json"), "{\"jdk\":\"25.0.3\",\"settings\":\"test\",\"commands\":{\"m1\":\"java SuspendedWeight 1000 1 10\"}}");
        Files.writeString(results.resolve("machine.json"), "{\"nproc\":2,\"cpu\":\"cpu\",\"memory\":\"1048576 kB\",\"os\":\"os\"}");
        Files.writeString(root.resolve("benchmarks/NOTES.md"), "## Notes\n\nhand-written");
        Path md = root.resolve("BENCHMARKS.md");

        MarkdownReport.write(results, md);

        String text = Files.readString(md);
        assertContains(text, "| B1 yield, depth 1 | <= 4 ns, 0 B/op | 3.00 ± 0.10 ns, 0 B<br>**met** |");
        assertContains(text, "| B3 grep pipeline (one line) | <= 12 ns, 0 B/op | 20.0 ± 1.00 ns, 0 B<br>**missed** by 8.00 ns (1.67x) |");
        assertContains(text, "**missed** by 5.00 ns (1.20x), allocates 16.0 B/op");
        assertContains(text, "| 10 | <= 300 B | 320 B |");
        assertContains(text, "| B1 | 1.33x | 0.33x | 40.0x |");
        assertContains(text, "1 GiB memory");
        assertContains(text, "![B2: ns per round trip against depth](benchmarks/results/depth.png)");
        assertContains(text, "hand-written");
        assertTrue(Files.size(results.resolve("depth.png")) > 1000, "the chart was drawn");
    }

    private static String forks(String benchmark, String depth, String rawData, double bytes) {
        return "{\"benchmark\":\"io.jcoro.benchmarks." + benchmark + "\",\"params\":"
                + (depth == null ? "null" : "{\"depth\":\"" + depth + "\"}")
                + ",\"primaryMetric\":{\"score\":0,\"scoreError\":0,\"rawData\":" + rawData + "},"
                + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":" + bytes + "}}}";
    }

    @Test
    void theOneRunComparisonGivesMediansAndRatiosWithTheSpreadOverForks(@TempDir Path root) throws IOException {
        Path results = root.resolve("benchmarks/results");
        Files.createDirectories(results.resolve("jdk-25"));
        Path compare = Files.createDirectories(results.resolve("compare/jdk-25"));
        Files.writeString(compare.resolve("pretouch.json"), "[" + String.join(",",
                forks("jmh.YieldBench.jcoro", null, "[[3.0,3.2,3.1],[4.0,4.1,3.9]]", 0),
                forks("jmh.YieldBench.kilim", null, "[[7.0],[9.0]]", 48),
                forks("jmh.DepthBench.jcoro", "1", "[[3.0],[3.0]]", 0),
                forks("jmh.DepthBench.jcoro", "101", "[[303.0],[303.0]]", 0),
                forks("loom.DepthLoomBench.continuation", "1", "[[100.0],[100.0]]", 0),
                forks("loom.DepthLoomBench.continuation", "101", "[[100.0],[100.0]]", 0)) + "]");
        Files.writeString(compare.resolve("run-pretouch.json"), "{\"jdk\":\"25.0.3\",\"source\":\"abc1234\","
                + "\"settings\":\"JMH -f 2\",\"command\":\"java -cp /x/benchmarks/target/jcoro-benchmarks.jar"
                + " org.openjdk.jmh.Main -jvm /opt/jdk/bin/java\"}");
        Path md = root.resolve("BENCHMARKS.md");

        MarkdownReport.write(results, md);

        String text = Files.readString(md);
        assertContains(text, "### JDK 25.0.3, heap pre-touched (`-Xms1g -Xmx1g -XX:+AlwaysPreTouch`)");
        assertContains(text, "| B1 yield, depth 1 | 3.55 [3.10-4.00] ns, 0 B | - | 8.00 [7.00-9.00] ns, 48.0 B | - |");
        assertContains(text, "| B1 yield, depth 1 | - | 2.25x [1.75-2.90] | - |");
        assertContains(text, "| B2 yield, depth 101 | 303 [303-303] ns, 0 B | - | - | 100 [100-100] ns, 0 B |");
        assertContains(text, "(B2, depth 1 to 101, medians): jcoro 3.00 ns, continuation".replace("continuation", "Loom")
                + " 0.00 ns.");
        assertContains(text, "java -cp benchmarks/target/jcoro-benchmarks.jar org.openjdk.jmh.Main -jvm $JDK25/bin/java");
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "missing: " + part + "\nin:\n" + text);
    }

    @Test
    void recordedCommandsLoseTheMachinesPaths() {
        assertEquals("$JDK25/bin/java -javaagent:benchmarks/target/jcoro-benchmarks.jar -cp"
                        + " benchmarks/target/jcoro-benchmarks.jar X",
                MachineAndRuns.portable("/usr/lib/jvm/temurin-25/bin/java -javaagent:/home/me/jcoro/benchmarks/target/"
                        + "jcoro-benchmarks.jar -cp /home/me/jcoro/benchmarks/target/jcoro-benchmarks.jar X", 25));
        assertEquals("java -jvm $JDK17/bin/java -jvmArgsPrepend '-javaagent:benchmarks/target/jcoro-benchmarks.jar'",
                MachineAndRuns.portable("java -jvm /opt/jdk17/bin/java -jvmArgsPrepend"
                        + " '-javaagent:/w/benchmarks/target/jcoro-benchmarks.jar'", 17));
    }
}
