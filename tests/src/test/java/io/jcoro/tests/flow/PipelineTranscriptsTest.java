package io.jcoro.tests.flow;

import static io.jcoro.tests.SampleTranscript.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.samples.UsageException;
import io.jcoro.samples.pipelines.AccessLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course's Part 2 programs and file 003's statistics stream print what the same
 * processing does in plain Java. The tail samples follow a log that a simulated server writes
 * while they run, and stop when it is done, so their output is exact.
 */
@Timeout(60)
class PipelineTranscriptsTest {
    /** The lines the tail samples' simulated server writes (FollowedLog.SIMULATED_LINES). */
    private static final List<String> LOG = AccessLog.lines(40);

    private static String matching(Predicate<String> keep) {
        StringBuilder b = new StringBuilder();
        for (String line : LOG) {
            if (keep.test(line)) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void followPrintsEveryLineTheServerWrites() throws Exception {
        assertEquals(matching(line -> true), run("follow"));
    }

    @Test
    void pipelinePrintsThePythonLines() throws Exception {
        String expected = matching(line -> line.contains("python"));
        assertTrue(expected.lines().count() >= 3, "the log has python lines to find");
        assertEquals(expected, run("pipeline"));
    }

    @Test
    void cofollowPushesEveryLineIntoThePrinter() throws Exception {
        assertEquals(matching(line -> true), run("cofollow"));
    }

    @Test
    void copipePushesThroughGrep() throws Exception {
        assertEquals(matching(line -> line.contains("python")), run("copipe"));
    }

    @Test
    void cobroadcastSendsEachLineToThreeGreps() throws Exception {
        StringBuilder expected = new StringBuilder();
        for (String line : LOG) {
            for (String pattern : List.of("python", "ply", "swig")) {
                if (line.contains(pattern)) {
                    expected.append(line).append('\n');
                }
            }
        }
        assertEquals(expected.toString(), run("cobroadcast"));
    }

    @Test
    void cobroadcast2ClosesTheSharedPrinterOnceAtTheEnd() throws Exception {
        String lines = run("cobroadcast");
        long count = lines.lines().count();
        assertEquals(lines + "printer closed after " + count + " lines\n", run("cobroadcast2"));
    }

    @Test
    void followTailsANamedFileUntilItsDeadline(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("access-log");
        Files.writeString(log, "already there\n");
        assertEquals("", run("follow", log.toString(), "0"));
    }

    @Test
    void logsimWritesTheGeneratedLog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("access-log");
        assertEquals("logsim: writing 5 lines to " + log + ", one every 0 ms\nlogsim: done\n",
                run("logsim", log.toString(), "5", "0"));
        assertEquals(AccessLog.lines(5), Files.readAllLines(log));
        assertTrue(Pattern.matches("\\d+\\.\\d+\\.\\d+\\.\\d+ - - \\[\\d\\d/Feb/2008:\\d\\d:\\d\\d:\\d\\d -0600\\] "
                + "\"GET /\\S* HTTP/1.1\" \\d{3} \\d+", AccessLog.line(0)), AccessLog.line(0));
    }

    @Test
    void benchmarkReportsMediansAndSaysWhichWonAndWhy() throws Exception {
        List<String> lines = run("benchmark", "2000").lines().toList();
        assertEquals("benchmark: 2,000 sends of 'python is nice' into grep -> null; 5 warm-up rounds, then the"
                + " median of 9 (range)", lines.get(0));
        String figure = " +\\d+\\.\\d ns per send \\(\\d+\\.\\d-\\d+\\.\\d\\)";
        assertTrue(lines.get(1).matches("coroutine:" + figure), lines.get(1));
        assertTrue(lines.get(2).matches("stage:" + figure), lines.get(2));
        assertTrue(lines.get(3).matches("object:" + figure), lines.get(3));
        assertTrue(lines.get(4).matches("The (object|coroutine) is \\d+\\.\\dx faster here\\."), lines.get(4));
        assertTrue(lines.get(5).startsWith("In Java the object usually wins: "), lines.get(5));
        String explanation = String.join(" ", lines.subList(5, lines.size()));
        assertTrue(explanation.contains("In CPython 3.11 the coroutine still wins"), explanation);
    }

    /** The counts file 003's stream should report, worked out directly. */
    private static String expectedCounts() {
        StringBuilder b = new StringBuilder("{");
        for (String ip : AccessLog.COUNTED) {
            long n = AccessLog.lines(10_000).stream().filter(line -> line.startsWith(ip)).count();
            b.append(b.length() > 1 ? ", " : "").append('\'').append(ip).append("': ").append(n);
        }
        return b.append("}\n").toString();
    }

    @Test
    void ipstatsCountsTheThreeAddresses() throws Exception {
        String expected = "10000 lines read\n" + expectedCounts();
        assertEquals("10000 lines read\n{'83.149.9.216': 632, '93.114.45.13': 281, '207.241.237.101': 181}\n",
                expected, "the generated log is the same every time");
        assertEquals(expected, run("ipstats"));
    }

    @Test
    void ipstatsThreadedCountsTheSame() throws Exception {
        assertEquals("10000 lines read, by 5 threads\n" + expectedCounts(), run("ipstats-threaded"));
    }

    @Test
    void ipstatsReadsTheLogItIsGivenAndCountsTheAddressesNamed(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("access.log");
        Files.write(log, List.of(
                "10.0.0.1 - - [24/Feb/2008:00:08:59 -0600] \"GET /ply/ HTTP/1.1\" 200 7587",
                "10.0.0.2 - - [24/Feb/2008:00:08:59 -0600] \"GET /favicon.ico HTTP/1.1\" 404 133",
                "10.0.0.1 - - [24/Feb/2008:00:09:01 -0600] \"GET /ply/bookplug.gif HTTP/1.1\" 200 23903",
                "10.0.0.3 - - [24/Feb/2008:00:09:02 -0600] \"GET /ply/ply.html HTTP/1.1\" 200 97238"));
        String counts = "{'10.0.0.1': 2, '10.0.0.2': 1, '10.0.0.9': 0}\n";
        assertEquals("4 lines read from " + log + "\n" + counts, run("ipstats", log.toString(), "10.0.0.1", "10.0.0.2",
                "10.0.0.9"));
        assertEquals("4 lines read from " + log + ", by 5 threads\n" + counts, run("ipstats-threaded", log.toString(),
                "10.0.0.1", "10.0.0.2", "10.0.0.9"));
        assertEquals("4 lines read from " + log + "\n{'83.149.9.216': 0, '93.114.45.13': 0, '207.241.237.101': 0}\n",
                run("ipstats", log.toString()), "with no addresses named, the course's three");
    }

    @Test
    void ipstatsSaysSoWhenItCannotReadTheLog(@TempDir Path dir) {
        UsageException e = assertThrows(UsageException.class, () -> run("ipstats", dir.resolve("none.log").toString()));
        assertTrue(e.getMessage().startsWith("cannot read the log "), e.getMessage());
        assertTrue(e.getMessage().contains("usage: ipstats [FILE [IP...]]"), e.getMessage());
    }
}
