package io.jcoro.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.agent.fixtures.Mixed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The transformer at the edge of the stack: a class may load deep in a recursion, where the
 * instrumenter runs out of stack. Nothing may escape {@code transform}: it instruments the class
 * (retrying on a thread with a large stack if it must), or, in the last frames where even that
 * hand-off overflows, leaves it unchanged with one {@code [jcoro]} line, printed later if need be.
 */
class CoroutineTransformerTest {
    /** The name transform is told (it skips jcoro's own classes by name; the bytes are Mixed's). */
    private static final String NAME = "edge/Mixed";
    /** Transforms attempted on the way back up from the edge. */
    private static final int ATTEMPTS = 200;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.ERRORS, new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    private final ClassLoader loader = getClass().getClassLoader();

    /** What transform returned at each level it could be called from, nearest the edge first. */
    private final List<byte[]> results = new ArrayList<>(ATTEMPTS);
    private int overflowed;

    /** Recurses to the edge, then transforms at each level on the way back up. */
    private void fromTheEdge(CoroutineTransformer transformer, byte[] bytes, int n) {
        try {
            fromTheEdge(transformer, bytes, n + 1);
        } catch (StackOverflowError edge) {
            // start here
        }
        if (results.size() + overflowed < ATTEMPTS) {
            try {
                byte[] result = transformer.transform(loader, NAME, null, null, bytes);
                results.add(result == null ? new byte[0] : result);
            } catch (StackOverflowError tooDeepToCall) {
                overflowed++;
            }
        }
    }

    @Test
    void aClassTransformedAtTheEdgeOfTheStackIsStillInstrumented() throws Exception {
        byte[] bytes = ClassInstrumenterTest.bytes(Mixed.class);
        CoroutineTransformer transformer = new CoroutineTransformer(new AgentConfig(AgentLog.Level.ERRORS, null), log);
        byte[] expected = transformer.transform(loader, NAME, null, null, bytes);
        assertNotNull(expected);
        logBytes.reset();

        Thread t = new Thread(null, () -> fromTheEdge(transformer, bytes, 0), "edge", 512 << 10);
        t.start();
        t.join();

        assertEquals(ATTEMPTS, results.size() + overflowed);
        Thread.sleep(3 * CoroutineTransformer.LOG_DELAY_MILLIS); // the lines left for the large-stack thread
        String logged = logBytes.toString(StandardCharsets.UTF_8);
        int unchanged = 0;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).length == 0) {
                unchanged++;
            } else {
                assertArrayEquals(expected, results.get(i), "the transform " + i + " from the edge");
            }
        }
        assertEquals(unchanged, count(logged, "[jcoro] left edge.Mixed uninstrumented: java.lang.StackOverflowError"),
                "one line per class left unchanged; the other lines: " + otherLines(logged));
        for (int i = results.size() / 2; i < results.size(); i++) {
            assertArrayEquals(expected, results.get(i), "the transform " + i + " from the edge");
        }
    }

    /** The distinct log lines other than the fixture's refusals, for a failure message. */
    private static java.util.Set<String> otherLines(String logged) {
        java.util.Set<String> lines = new java.util.TreeSet<>(List.of(logged.split("\n")));
        lines.removeIf(l -> l.contains("cannot instrument"));
        return lines;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
