package io.jcoro.tests.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Sink;
import io.jcoro.flow.Filters;
import io.jcoro.flow.Follow;
import io.jcoro.flow.Sinks;
import io.jcoro.flow.Sources;
import io.jcoro.flow.Stage;
import io.jcoro.flow.StageException;
import io.jcoro.flow.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One consumer type: a core {@code Sink.of} consumer (the course's {@code @coroutine}) and a
 * plain lambda go wherever a {@link Target} goes: {@code Follow.sendTo}, {@code Sources},
 * {@code Filters}; closing reaches the sink once, also when several stages feed it.
 */
class OneConsumerTypeTest {
    @TempDir
    Path dir;

    final List<String> log = new ArrayList<>();

    private Sink<String> printer() {
        return Sink.of(() -> {
            try {
                while (true) {
                    String line = Co.receive();
                    log.add(line);
                }
            } finally {
                log.add("printer closed");
            }
        });
    }

    @Test
    void aSinkPrinterTakesTheLinesOfFollowSourcesAndFilters() throws IOException {
        Path file = Files.writeString(dir.resolve("access-log"), "a python line\nother\npython again\n");
        Follow.follow(file).fromStart().untilEndOfInput().sendTo(Filters.grep("python", printer()));
        assertEquals(List.of("a python line", "python again", "printer closed"), log);
        log.clear();
        Sources.feed(List.of("x", "y"), printer());
        Sources.lines(file, printer());
        assertEquals(List.of("x", "y", "printer closed", "a python line", "other", "python again", "printer closed"), log);
    }

    @Test
    void aSinkFedByTwoStagesClosesOnceAfterBoth() {
        Sink<String> shared = printer();
        Stage<String> head = Filters.broadcast(Filters.grep("a", shared), Filters.grep("b", shared));
        Sources.feed(List.of("a1", "b1", "ab"), head);
        assertEquals(List.of("a1", "b1", "ab", "ab", "printer closed"), log);
        assertTrue(shared.isClosed());
        assertSame(Target.of(shared), Target.of(shared), "one stage per sink");
    }

    @Test
    void aLambdaIsATargetToo() {
        List<String> upper = new ArrayList<>();
        Sources.feed(List.of("a", "b"), Filters.map("upper", String::toUpperCase, (String s) -> upper.add(s)));
        assertEquals(List.of("A", "B"), upper);
        StageException e = assertThrows(StageException.class, () -> Sources.feed(List.of("x"), (String s) -> {
            throw new IllegalArgumentException("bad " + s);
        }));
        assertTrue(e.getMessage().contains("consumer"), e.getMessage());
    }

    @Test
    void aFailingSinkIsAStageFailureAndTheSinkIsClosed() {
        Sink<String> picky = Sink.of(() -> {
            String s = Co.receive();
            throw new IllegalStateException("refuses " + s);
        });
        StageException e = assertThrows(StageException.class, () -> Sources.feed(List.of("it"), picky));
        assertTrue(e.getMessage().contains("'sink'"), e.getMessage());
        assertTrue(picky.isClosed());
        Stage<String> printer = Sinks.printer(System.out);
        assertSame(printer, Target.of(printer));
        printer.close();
    }
}
