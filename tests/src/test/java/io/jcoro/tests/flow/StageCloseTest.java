package io.jcoro.tests.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.flow.Filters;
import io.jcoro.flow.Sinks;
import io.jcoro.flow.Sources;
import io.jcoro.flow.Stage;
import io.jcoro.flow.StageException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Closing the head of a push chain closes every stage downstream, each exactly once. */
class StageCloseTest {
    private final RecordingStages stages = new RecordingStages();
    private final List<String> closed = stages.closed;

    @Test
    void closingTheHeadClosesTheChainInOrderOnce() {
        List<String> got = new ArrayList<>();
        Stage<String> last = stages.collect("c", got);
        Stage<String> b = stages.relay("b", last);
        Stage<String> head = stages.relay("a", b);
        head.send("x");
        head.send("y");
        head.close();
        assertEquals(List.of("x", "y"), got);
        assertEquals(List.of("a", "b", "c"), closed);
        assertTrue(head.isClosed() && b.isClosed() && last.isClosed());

        head.close();
        b.close();
        last.close();
        assertEquals(List.of("a", "b", "c"), closed, "a second close runs nothing again");
    }

    @Test
    void aSharedSinkClosesOnceAfterTheLastStageFeedingIt() {
        List<String> got = new ArrayList<>();
        Stage<String> shared = stages.collect("shared", got);
        Stage<String> head = Filters.broadcast(stages.relay("left", shared), stages.relay("right", shared));
        head.send("item");
        head.close();
        assertEquals(List.of("item", "item"), got);
        assertEquals(List.of("left", "right", "shared"), closed);
    }

    @Test
    void aSharedSinkStaysOpenWhileAnotherStageStillFeedsIt() {
        List<String> got = new ArrayList<>();
        Stage<String> shared = stages.collect("shared", got);
        Stage<String> left = stages.relay("left", shared);
        Stage<String> right = stages.relay("right", shared);
        left.send("1");
        left.close();
        assertFalse(shared.isClosed());
        right.send("2");
        right.close();
        assertTrue(shared.isClosed());
        assertEquals(List.of("1", "2"), got);
        assertEquals(List.of("left", "right", "shared"), closed);
    }

    @Test
    void closingAStageDirectlyClosesItAtOnceEvenWhenShared() {
        Stage<String> shared = stages.collect("shared", new ArrayList<>());
        Stage<String> left = stages.relay("left", shared);
        stages.relay("right", shared);
        shared.close();
        assertTrue(shared.isClosed());
        StageException e = assertThrows(StageException.class, () -> left.send("late"));
        assertEquals("left", e.stage());
        assertEquals("stage 'shared' is closed; cannot send \"late\"", e.getCause().getMessage());
    }

    @Test
    void aSourceClosesThePipelineWhenItRunsOut() {
        List<Integer> got = new ArrayList<>();
        Stage<Integer> sink = stages.collect("sink", got);
        Sources.feed(List.of(1, 2, 3), stages.relay("relay", sink));
        assertEquals(List.of(1, 2, 3), got);
        assertEquals(List.of("relay", "sink"), closed);
    }

    @Test
    void aStageWhoseBodyReturnsClosesItsTargets() {
        List<String> got = new ArrayList<>();
        Stage<String> sink = stages.collect("sink", got);
        Stage<String> firstTwo = Stage.of("first two", () -> {
            for (int i = 0; i < 2; i++) {
                String item = Co.receive();
                sink.send(item);
            }
        }, sink);
        firstTwo.send("a");
        assertFalse(sink.isClosed());
        firstTwo.send("b");
        assertTrue(firstTwo.isClosed());
        assertTrue(sink.isClosed());
        assertEquals(List.of("a", "b"), got);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> firstTwo.send("c"));
        assertEquals("stage 'first two' is closed; cannot send \"c\"", e.getMessage());
    }

    @Test
    void aCollectorFedTwiceThroughBroadcastClosesWithTheBroadcast() {
        List<String> got = new ArrayList<>();
        Stage<String> collector = Sinks.collector(got);
        Stage<String> head = Filters.broadcast(Filters.grep("a", collector), Filters.grep("b", collector));
        Sources.feed(List.of("ab", "a", "b", "c"), head);
        assertEquals(List.of("ab", "ab", "a", "b"), got);
        assertTrue(collector.isClosed());
    }
}
