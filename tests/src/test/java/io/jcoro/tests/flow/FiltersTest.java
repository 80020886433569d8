package io.jcoro.tests.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.flow.Filters;
import io.jcoro.flow.Sinks;
import io.jcoro.flow.Sources;
import io.jcoro.flow.Stage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's push stages: grep, map, filter, broadcast, printer, collector, discard. */
class FiltersTest {

    @Test
    void grepPassesOnMatchingLinesAndIsNamedAfterItsPattern() {
        List<String> got = new ArrayList<>();
        Stage<String> grep = Filters.grep("python", Sinks.collector(got));
        Sources.feed(List.of("python rocks", "ruby", "I like python"), grep);
        assertEquals(List.of("python rocks", "I like python"), got);
        assertEquals("grep python", grep.name());
    }

    @Test
    void mapAndFilterChain() {
        List<Integer> got = new ArrayList<>();
        Sources.feed(List.of("1", "22", "333", "4444"),
                Filters.<String, Integer>map("length", String::length,
                Filters.<Integer>filter("even", n -> n % 2 == 0,
                Sinks.collector(got))));
        assertEquals(List.of(2, 4), got);
    }

    @Test
    void broadcastSendsEachItemToEveryTargetInOrder() {
        List<String> got = new ArrayList<>();
        Stage<String> shared = Sinks.collector(got);
        Sources.feed(List.of("a", "b"), Filters.broadcast(
                Filters.map("upper", String::toUpperCase, shared),
                Filters.map("twice", s -> s + s, shared)));
        assertEquals(List.of("A", "aa", "B", "bb"), got);
    }

    @Test
    void printerPrintsOneItemPerLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Sources.feed(List.of("one", 2, 3.0), Sinks.printer(out));
        assertEquals("one\n2\n3.0\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void discardReceivesAndDropsEverything() {
        Stage<Object> discard = Sinks.discard();
        for (int i = 0; i < 1000; i++) {
            discard.send(i);
        }
        discard.close();
        assertTrue(discard.isClosed());
    }

    @Test
    void linesFeedsAFileLineByLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log");
        Files.writeString(file, "first\r\nsecond\nthird");
        List<String> got = new ArrayList<>();
        Stage<String> sink = Sinks.collector(got);
        Sources.lines(file, sink);
        assertEquals(List.of("first", "second", "third"), got);
        assertTrue(sink.isClosed());
    }
}
