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
import io.jcoro.flow.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Closing the head of a push chain closes every stage downstream, each exactly once. */
class StageCloseTest {
    private final List<String> closed = new ArrayList<>();

    /** A pass-through stage that records when its finally block runs. */
    private <T> Stage<T> relay(String name, Target<? super T> target) {
        return Stage.of(name, () -> {
            try {
                while (true) {
                    T item = Co.receive();
                    target.send(item);
                }
            } finally {
                closed.add(name);
            }
        }, target);
    }

    private <T> Stage<T> end(String name, List<? super T> into) {
        return Stage.of(name, () -> {
            try {
                while (true) {
                    T item = Co.receive();
                    into.add(item);
                }
            } finally {
                closed.add(name);
            }
        });
    }

    @Test
    void closingTheHeadClosesTheChainInOrderOnce() {
        List<String> got = new ArrayList<>();
        Stage<String> last = end("c", got);
        Stage<String> b = relay("b", last);
        Stage<String> head = relay("a", b);
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
        Stage<String> shared = end("shared", got);
        Stage<String> head = Filters.broadcast(relay("left", shared), relay("right", shared));
        head.send("item");
        head.close();
        assertEquals(List.of("item", "item"), got);
        assertEquals(List.of("left", "right", "shared"), closed);
    }

    @Test
    void aSharedSinkStaysOpenWhileAnotherStageStillFeedsIt() {
        List<String> got = new ArrayList<>();
        Stage<String> shared = end("shared", got);
        Stage<String> left = relay("left", shared);
        Stage<String> right = relay("right", shared);
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
        Stage<String> shared = end("shared", new ArrayList<>());
        Stage<String> left = relay("left", shared);
        relay("right", shared);
        shared.close();
        assertTrue(shared.isClosed());
        StageException e = assertThrows(StageException.class, () -> left.send("late"));
        assertEquals("left", e.stage());
        assertEquals("stage 'shared' is closed; cannot send \"late\"", e.getCause().getMessage());
    }

    @Test
    void aSourceClosesThePipelineWhenItRunsOut() {
        List<Integer> got = new ArrayList<>();
        Stage<Integer> sink = end("sink", got);
        Sources.feed(List.of(1, 2, 3), relay("relay", sink));
        assertEquals(List.of(1, 2, 3), got);
        assertEquals(List.of("relay", "sink"), closed);
    }

    @Test
    void aStageWhoseBodyReturnsClosesItsTargets() {
        List<String> got = new ArrayList<>();
        Stage<String> sink = end("sink", got);
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
