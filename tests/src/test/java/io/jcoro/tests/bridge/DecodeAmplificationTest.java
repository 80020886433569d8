package io.jcoro.tests.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.bridge.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 16.8 MB stream of tiny elements against a reader with a small heap ({@link DecodeAmplification}
 * in a child JVM). Decoded whole, its one item would take some 500 MB (30 bytes of heap per
 * wire byte); the per-item element limit refuses it early, with a clear message, and the same
 * bytes cut into items within the limits stream through.
 */
@Timeout(300)
class DecodeAmplificationTest {

    private static Map<String, String> child(String heap, String... args) throws Exception {
        Process p = ChildJvm.command(List.of(heap, "-XX:+UseSerialGC"), DecodeAmplification.class, args)
                .redirectErrorStream(true).start();
        String output;
        try {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(4, TimeUnit.MINUTES), "the child finished");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), output);
        System.out.println("decode-amplification child " + String.join(" ", args) + ": " + output.strip());
        Map<String, String> report = new HashMap<>();
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        for (String pair : last.split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                report.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return report;
    }

    @Test
    void oneHugeItemOfEmptyMapsIsRefusedInA256MegabyteReader() throws Exception {
        Map<String, String> r = child("-Xmx256m", "maps", "16.8", "1", "keep");
        assertEquals("0", r.get("items"), r.toString());
        assertTrue(r.get("refused").startsWith("recvfrom(values):_item_1_holds_more_than_65536_elements"), r.toString());
        assertTrue(Long.parseLong(r.get("wire")) < 1_000_000, "refused after its first 1 MB: " + r);
    }

    @Test
    void theSameBytesInBoundedItemsStreamThroughA64MegabyteReader() throws Exception {
        // 16.8 MB in 160 items of 51 lists of 1,024 empty maps: 52,275 elements each
        Map<String, String> r = child("-Xmx64m", "maps", "16.8", "160", "drop");
        assertEquals("160", r.get("items"), r.toString());
        assertTrue(Long.parseLong(r.get("wire")) > 16_000_000, r.toString());
        assertTrue(Long.parseLong(r.get("peakHeap")) < 64L << 20, r.toString());
    }
}
