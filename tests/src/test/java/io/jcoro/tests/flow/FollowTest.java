package io.jcoro.tests.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Generator;
import io.jcoro.core.StopIteration;
import io.jcoro.flow.Follow;
import io.jcoro.flow.Sinks;
import io.jcoro.flow.Stage;
import io.jcoro.tests.Drain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** follow: tail -f as a generator, with ways to stop. */
@Timeout(30)
class FollowTest {
    @TempDir
    Path dir;

    private Path log(String content) throws IOException {
        Path file = dir.resolve("access-log");
        Files.writeString(file, content);
        return file;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    @Test
    void fromTheEndItSkipsWhatIsAlreadyThere() throws IOException {
        Path file = log("old 1\nold 2\n");
        AtomicBoolean done = new AtomicBoolean();
        Generator<String> lines = Follow.follow(file).pollEvery(Duration.ofMillis(5)).until(done::get).lines();
        append(file, "new 1\n");
        assertEquals("new 1", lines.next());
        append(file, "new 2\nnew 3\n");
        done.set(true);
        assertEquals(List.of("new 2", "new 3"), Drain.all(lines));
    }

    @Test
    void theStartIsFixedWhenFollowIsCalledNotWhenItIsFirstAdvanced() throws IOException {
        Path file = log("old\n");
        Follow follow = Follow.follow(file).untilEndOfInput();
        append(file, "written before the first next()\n");
        assertEquals(List.of("written before the first next()"), Drain.all(follow.lines()));
    }

    @Test
    void fromTheStartUntilEndOfInput() throws IOException {
        Path file = log("one\r\ntwo\n\nfour, unterminated");
        assertEquals(List.of("one", "two", "", "four, unterminated"),
                Drain.all(Follow.follow(file).fromStart().untilEndOfInput().lines()));
    }

    @Test
    void aLineIsReturnedOnlyOnceItsTerminatorIsWritten() throws IOException {
        Path file = log("");
        AtomicBoolean done = new AtomicBoolean();
        Generator<String> lines = Follow.follow(file).pollEvery(Duration.ofMillis(5)).until(done::get).lines();
        append(file, "hal");
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(20);
                append(file, "f a line\n");
                done.set(true);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        assertEquals("half a line", lines.next());
    }

    @Test
    void multiByteCharactersSurviveChunkBoundaries() throws IOException {
        String line = "é".repeat(10_000);       // 20,000 bytes: split across 8 KB reads
        Path file = log(line + "\n" + line + "\n");
        assertEquals(List.of(line, line), Drain.all(Follow.follow(file).fromStart().untilEndOfInput().lines()));
    }

    @Test
    void aTruncatedFileIsFollowedFromItsStartAgain() throws IOException {
        Path file = log("first line\nsecond line\n");
        AtomicBoolean done = new AtomicBoolean();
        Generator<String> lines = Follow.follow(file).fromStart().pollEvery(Duration.ofMillis(5))
                .until(done::get).lines();
        assertEquals("first line", lines.next());
        assertEquals("second line", lines.next());
        Files.writeString(file, "rotated\n");
        done.set(true);
        assertEquals(List.of("rotated"), Drain.all(lines));
    }

    @Test
    void aDeadlineStopsAFollowThatGetsNothing() throws IOException {
        Path file = log("old\n");
        Generator<String> lines = Follow.follow(file).until(Instant.now().plusMillis(30)).lines();
        assertTrue(Drain.all(lines).isEmpty());
        assertTrue(lines.isDone());
    }

    @Test
    void closingTheGeneratorStopsIt() throws IOException {
        Path file = log("a\nb\n");
        Generator<String> lines = Follow.follow(file).fromStart().lines();   // would follow for ever
        assertEquals("a", lines.next());
        lines.close();
        assertThrows(StopIteration.class, lines::next);
        Files.delete(file);
    }

    @Test
    void pushedIntoASinkWhichIsClosedWhenFollowingStops() throws IOException {
        Path file = log("x\ny\n");
        List<String> got = new ArrayList<>();
        Stage<String> sink = Sinks.collector(got);
        Follow.follow(file).fromStart().untilEndOfInput().sendTo(sink);
        assertEquals(List.of("x", "y"), got);
        assertTrue(sink.isClosed());
    }

    @Test
    void aWriterOnAnotherThreadIsFollowedToItsLastLine() throws Exception {
        Path file = log("");
        AtomicBoolean done = new AtomicBoolean();
        Generator<String> lines = Follow.follow(file).pollEvery(Duration.ofMillis(2)).until(done::get).lines();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add("line " + i);
        }
        Thread writer = new Thread(() -> {
            try {
                for (String line : expected) {
                    Files.write(file, (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                done.set(true);
            }
        });
        writer.start();
        assertEquals(expected, Drain.all(lines));
        writer.join();
    }

    @Test
    void followingAMissingFileFailsAtOnce() {
        Path missing = dir.resolve("missing");
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> Follow.follow(missing));
        assertTrue(e.getMessage().contains("cannot follow"), e.getMessage());
    }
}
