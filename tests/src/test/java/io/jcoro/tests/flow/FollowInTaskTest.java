package io.jcoro.tests.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.flow.Follow;
import io.jcoro.flow.Sinks;
import io.jcoro.flow.Tail;
import io.jcoro.sched.CancelScope;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import io.jcoro.sched.TaskTimeout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow inside a scheduler: waiting for new lines sleeps the task, not the thread, so a writer
 * task and a ticker run meanwhile; a deadline stops following; and tail -F: a log renamed and
 * recreated is followed into the new file.
 */
@Timeout(30)
class FollowInTaskTest {
    @TempDir
    Path dir;

    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND, StandardOpenOption.CREATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void followingInATaskLetsTheOtherTasksRun() throws IOException {
        Path log = Files.writeString(dir.resolve("log"), "before\n");
        boolean[] writerDone = {false};
        List<String> got = new ArrayList<>();
        int[] ticks = {0};
        sched.spawn(() -> Follow.follow(log).pollEvery(Duration.ofMillis(5)).until(() -> writerDone[0])
                .sendTo(Sinks.collector(got)));
        sched.spawn(() -> {                      // the writer is a task of the same scheduler
            for (int i = 1; i <= 5; i++) {
                for (int seen = ticks[0]; ticks[0] < seen + 3; ) {
                    Syscalls.sleep(2);            // paced by the ticker, not by the clock
                }
                append(log, "line " + i + "\n");
            }
            writerDone[0] = true;
        });
        sched.spawn(() -> {
            while (!writerDone[0]) {
                ticks[0]++;
                Syscalls.sleep(2);
            }
        });
        sched.run();
        assertEquals(List.of("line 1", "line 2", "line 3", "line 4", "line 5"), got);
        assertTrue(ticks[0] >= 15, "the ticker ran while the follower waited: " + ticks[0]);
        assertTrue(failed.isEmpty(), () -> failed.toString());
    }

    @Test
    void aDeadlineAroundATailStopsItAndClosesTheFile() throws IOException {
        Path log = Files.writeString(dir.resolve("quiet"), "");
        List<String> events = new ArrayList<>();
        sched.spawn(() -> {
            Tail tail = Follow.follow(log).open();
            try (CancelScope deadline = CancelScope.failAfter(Duration.ofMillis(30))) {
                tail.readLine();
            } catch (TaskTimeout e) {
                events.add("timed out");
            } finally {
                tail.close();
            }
            events.add("after close: " + tail.readLine());
        });
        sched.run();
        assertEquals(List.of("timed out", "after close: null"), events);
    }

    @Test
    void aLogRenamedAndRecreatedIsFollowedByName() throws IOException {
        Path log = Files.writeString(dir.resolve("app.log"), "");
        List<String> got = new ArrayList<>();
        boolean[] done = {false};
        sched.spawn(() -> {
            try (Tail tail = Follow.follow(log).byName().pollEvery(Duration.ofMillis(5)).until(() -> done[0]).open()) {
                for (String line; (line = tail.readLine()) != null; ) {
                    got.add(line);
                }
            }
        });
        sched.spawn(() -> {
            Syscalls.sleep(15);
            append(log, "old 1\nold 2\n");
            Syscalls.sleep(15);
            try {
                Files.move(log, dir.resolve("app.log.1"), StandardCopyOption.ATOMIC_MOVE);   // rotate
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            append(dir.resolve("app.log.1"), "old 3, written after the rename\n");
            Syscalls.sleep(15);
            append(log, "new 1\n");                                    // a new file, same name
            Syscalls.sleep(15);
            append(log, "new 2\n");
            Syscalls.sleep(15);
            done[0] = true;
        });
        sched.run();
        assertEquals(List.of("old 1", "old 2", "old 3, written after the rename", "new 1", "new 2"), got);
        assertTrue(failed.isEmpty(), () -> failed.toString());
    }
}
