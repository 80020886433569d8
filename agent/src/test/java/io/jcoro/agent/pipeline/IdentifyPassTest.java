package io.jcoro.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.agent.fixtures.Mixed;
import io.jcoro.agent.fixtures.Plain;
import io.jcoro.agent.fixtures.Stages;
import io.jcoro.agent.identify.CoroutineMethod;
import io.jcoro.agent.identify.PointKind;
import io.jcoro.agent.identify.SuspensionPointFinder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identify: which methods are coroutines, where they suspend, what is refused at once. */
class IdentifyPassTest {
    private static List<PointKind> kinds(CoroutineMethod m) {
        return m.sites().stream().map(SuspensionPointFinder.Site::kind).toList();
    }

    @Test
    void findsCoroutinesAndTheirSuspensionPointsInCodeOrder() throws Exception {
        PassTesting t = new PassTesting(Stages.class);
        assertEquals(List.of(PointKind.CALL), kinds(t.identified("sum")));
        assertEquals(List.of(PointKind.YIELD), kinds(t.identified("ask")));
        assertEquals(List.of(), kinds(t.identified("cannotSuspend")), "a coroutine that cannot suspend");
        assertTrue(t.state.coroutines.stream().noneMatch(c -> c.method().name.equals("plain")));
        assertNull(t.identified("sum").refusal());
        assertTrue(t.log().isEmpty(), "identify reports nothing itself");
    }

    @Test
    void screensOutWhatCanNeverSuspendBeforeAnyRewriting() throws Exception {
        PassTesting t = new PassTesting(Mixed.class);
        assertEquals("io.jcoro.agent.fixtures.Mixed.inSynchronizedMethod(Mixed.java:26): a synchronized method"
                + " cannot suspend (the monitor would be released at the suspension and retaken on resume)",
                t.identified("inSynchronizedMethod").refusal());
        assertNull(t.identified("inSynchronizedBlock").refusal(), "a synchronized block is the analysis's to find");
        assertTrue(t.state.found.refusedMethods().keySet().stream().anyMatch(m -> m.name.equals("nativeCoroutine")));
    }

    @Test
    void aClassWithoutCoroutinesNeedsNoChange() throws Exception {
        PassTesting t = new PassTesting(Plain.class);
        assertFalse(IdentifyPass.run(t.state));
    }
}
