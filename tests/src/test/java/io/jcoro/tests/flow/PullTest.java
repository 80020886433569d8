package io.jcoro.tests.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Generator;
import io.jcoro.flow.Pull;
import io.jcoro.tests.Drain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pull pipelines of generators: the consumer's loop drives every stage. */
class PullTest {

    @Test
    void grepMapAndFilterChain() {
        Generator<Integer> lengths = Pull.map(String::length,
                Pull.filter(s -> !s.isEmpty(), Pull.grep("o", List.of("one", "", "two", "three", "four", "o"))));
        assertEquals(List.of(3, 3, 4, 1), Drain.all(lengths));
    }

    @Test
    void stagesPullLazily() {
        int[] produced = new int[1];
        Generator<Integer> numbers = Generator.returning(() -> {
            for (int i = 0; ; i++) {
                produced[0]++;
                Co.yield(i);
            }
        });
        Generator<Integer> evens = Pull.filter(n -> n % 2 == 0, numbers);
        assertEquals(0, evens.next());
        assertEquals(2, evens.next());
        assertEquals(3, produced[0], "only as far as the consumer asked");
    }

    @Test
    void closingTheLastStageClosesTheWholeChain() {
        AtomicBoolean sourceClosed = new AtomicBoolean();
        Generator<String> source = Generator.returning(() -> {
            try {
                while (true) {
                    Co.yield("python line");
                }
            } finally {
                sourceClosed.set(true);
            }
        });
        Generator<String> upper = Pull.map(String::toUpperCase, Pull.grep("python", source));
        assertEquals("PYTHON LINE", upper.next());
        upper.close();
        assertTrue(sourceClosed.get());
        assertTrue(source.isDone());
    }

    @Test
    void linesReadsAFileAsItIsPulled(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log");
        Files.writeString(file, "python one\nruby two\npython three\n");
        assertEquals(List.of("python one", "python three"), Drain.all(Pull.grep("python", Pull.lines(file))));
    }
}
