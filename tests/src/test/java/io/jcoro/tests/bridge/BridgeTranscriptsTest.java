package io.jcoro.tests.bridge;

import static io.jcoro.tests.SampleTranscript.route22NorthBound;
import static io.jcoro.tests.SampleTranscript.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The course's Part 4 programs that do not need a subprocess (coprocess: CoprocessTest). */
class BridgeTranscriptsTest {

    @Test
    void cothreadPrintsWhatBusesPrints() throws Exception {
        assertEquals(route22NorthBound(200, false), run("cothread"));
        assertEquals(route22NorthBound(3000, false), run("cothread", "3000"));
    }
}
