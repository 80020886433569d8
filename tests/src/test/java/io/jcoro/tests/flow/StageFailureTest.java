package io.jcoro.tests.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.GeneratorExit;
import io.jcoro.flow.Filters;
import io.jcoro.flow.Sources;
import io.jcoro.flow.Stage;
import io.jcoro.flow.StageException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An exception in a stage reaches the sender naming the stage, and the pipeline is closed. */
class StageFailureTest {
    private final RecordingStages stages = new RecordingStages();
    private final List<String> closed = stages.closed;

    @Test
    void theSenderLearnsWhichStageFailedOnWhatItem() {
        List<Integer> got = new ArrayList<>();
        Stage<String> head = stages.relay("head", Filters.map("parse", Integer::parseInt, stages.collect("sink", got)));
        head.send("1");
        StageException e = assertThrows(StageException.class, () -> head.send("x"));
        assertEquals("parse", e.stage());
        assertEquals("stage 'parse' failed on \"x\": java.lang.NumberFormatException: For input string: \"x\"",
                e.getMessage());
        assertInstanceOf(NumberFormatException.class, e.getCause());
        assertEquals(List.of(1), got);
    }

    @Test
    void theWholeChainIsClosedUpstreamAndDownstreamOfTheFailure() {
        Stage<String> sink = stages.collect("sink", new ArrayList<>());
        Stage<String> failing = Stage.of("failing", () -> {
            try {
                while (true) {
                    String item = Co.receive();
                    if (item.equals("boom")) {
                        throw new IllegalArgumentException("no boom");
                    }
                    sink.send(item);
                }
            } finally {
                closed.add("failing");
            }
        }, sink);
        Stage<String> head = stages.relay("head", failing);
        head.send("fine");
        StageException e = assertThrows(StageException.class, () -> head.send("boom"));
        assertEquals("failing", e.stage(), "the stage that failed, not the one that was sent to");
        assertTrue(head.isClosed() && failing.isClosed() && sink.isClosed());
        assertEquals(List.of("failing", "sink", "head"), closed);

        IllegalStateException again = assertThrows(IllegalStateException.class, () -> head.send("more"));
        assertEquals("stage 'head' is closed; cannot send \"more\"", again.getMessage());
        head.close();
        assertEquals(3, closed.size(), "nothing closes twice");
    }

    @Test
    void aFailingBranchClosesTheOtherBranchesOfABroadcast() {
        List<String> left = new ArrayList<>();
        Stage<String> leftSink = stages.collect("left sink", left);
        Stage<String> bad = Filters.map("bad", s -> {
            throw new IllegalStateException("bad " + s);
        }, stages.collect("right sink", new ArrayList<>()));
        Stage<String> head = Filters.broadcast(stages.relay("left", leftSink), bad);
        StageException e = assertThrows(StageException.class, () -> Sources.feed(List.of("a", "b"), head));
        assertEquals("bad", e.stage());
        assertEquals(List.of("a"), left, "the first branch got the item before the second failed");
        assertTrue(head.isClosed() && leftSink.isClosed());
        assertEquals(List.of("right sink", "left", "left sink"), closed);
    }

    @Test
    void aFailureWhileClosingIsReportedAndTheRestStillCloses() {
        Stage<String> sink = stages.collect("sink", new ArrayList<>());
        Stage<String> reporter = Stage.of("reporter", () -> {
            try {
                while (true) {
                    Co.receive();
                }
            } catch (GeneratorExit exit) {
                closed.add("reporter");
                throw new IllegalStateException("cannot report");
            }
        }, sink);
        StageException e = assertThrows(StageException.class, reporter::close);
        assertEquals("reporter", e.stage());
        assertEquals("stage 'reporter' failed while closing: java.lang.IllegalStateException: cannot report",
                e.getMessage());
        assertEquals(List.of("reporter", "sink"), closed);
    }

    @Test
    void aStageThatFailsBeforeItsFirstReceiveIsReportedByName() {
        StageException e = assertThrows(StageException.class, () -> Stage.of("eager", () -> {
            throw new IllegalArgumentException("not ready");
        }));
        assertEquals("eager", e.stage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void errorsPassThroughUnwrappedButStillClose() {
        Stage<String> sink = stages.collect("sink", new ArrayList<>());
        AssertionError boom = new AssertionError("boom");
        Stage<String> head = Stage.of("head", () -> {
            Co.receive();
            throw boom;
        }, sink);
        assertSame(boom, assertThrows(AssertionError.class, () -> head.send("x")));
        assertTrue(sink.isClosed());
    }

    @Test
    void aSourceThatFailsClosesThePipeline() {
        Stage<String> sink = stages.collect("sink", new ArrayList<>());
        Iterable<String> failing = () -> new java.util.Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                if (n == 2) {
                    throw new IllegalStateException("source broke");
                }
                return true;
            }

            @Override
            public String next() {
                return "line " + n++;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Sources.feed(failing, stages.relay("head", sink)));
        assertEquals("source broke", e.getMessage());
        assertEquals(List.of("head", "sink"), closed);
    }
}
