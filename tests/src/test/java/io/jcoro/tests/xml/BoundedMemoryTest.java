package io.jcoro.tests.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.bridge.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 200 MB bus document streams through the pipeline in a JVM with a 64 MB heap: the document
 * is generated as it is parsed, nothing holds on to events or buses, and the threaded queue is
 * bounded. Materialising the document, or an unbounded queue, would not fit.
 */
class BoundedMemoryTest {
    private static final long SIZE = 200L << 20;

    @Test
    void twoHundredMegabytesThroughA64MegabyteHeap() throws Exception {
        ProcessBuilder child = ChildJvm.command(List.of("-Xmx64m", "-XX:+UseSerialGC"),
                StreamBigDocument.class, Long.toString(SIZE));
        assertTrue(String.join(" ", child.command()).contains("-javaagent:"), "the child gets the agent");
        Process process = child.redirectErrorStream(true).start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the child finished");
        } finally {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), output);
        System.out.println("bounded-memory child: " + output.strip());

        Map<String, Long> report = parse(output);
        assertTrue(report.get("bytes") >= SIZE, output);
        assertTrue(report.get("maxHeapMB") <= 64, output);
        assertTrue(report.get("buses") > 500_000, output);
        assertEquals(report.get("expected"), report.get("matched"), output);
        assertTrue(report.get("matched") > 0, output);
    }

    private static Map<String, Long> parse(String output) throws IOException {
        Map<String, Long> report = new HashMap<>();
        String last = output.strip().lines().reduce((a, b) -> b).orElseThrow(() -> new IOException("no output"));
        for (String pair : last.split(" ")) {
            String[] kv = pair.split("=");
            if (kv.length == 2) {
                report.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return report;
    }
}
