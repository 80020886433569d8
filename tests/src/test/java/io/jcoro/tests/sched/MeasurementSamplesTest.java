package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.net.OpenChannels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The measuring samples run, with small sizes, and say what they measured (no figures are checked). */
@Timeout(60)
class MeasurementSamplesTest {
    @Test
    void taskswitch() throws Exception {
        String out = PyosTranscriptTest.run("taskswitch", "3", "30000", "2");
        assertTrue(out.matches("(run \\d: 3 tasks, 30,000 switches: [0-9.]+ ns per switch\\n){2}"), out);
    }

    @Test
    void footprintLeavesNothingOpen() throws Exception {
        int open = OpenChannels.count();
        String out = PyosTranscriptTest.run("footprint", "2000", "20");
        assertTrue(out.matches("2,000 sleeping tasks: -?\\d+ bytes each\\n"
                + "20 idle connections: -?\\d+ bytes each with a handler task waiting in recv"
                + " \\(a plain NIO pair: -?\\d+; jcoro adds -?\\d+\\)\\n"), out);
        assertEquals(open, OpenChannels.count());
    }
}
