package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.samples.Samples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * The course's pyos programs print what the course says they print (file 001's programs; file
 * 000 has a reader's runs of pyos2, pyos4 and pyos6, whose tids differ only because the
 * notebook's task counter kept counting across cells).
 */
class PyosTranscriptTest {
    static String run(String sample, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Samples.named(sample).run(out, args);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static String repeat(int n, String... lines) {
        return String.join("", Collections.nCopies(n, lines(lines)));
    }

    @Test
    void pyos1RunsATaskToEachYield() throws Exception {
        assertEquals(lines("Running foo()", "Part 1", "Resuming foo()", "Part 2"), run("pyos1"));
    }

    @Test
    void pyos2AlternatesForAsLongAsItIsLetRun() throws Exception {
        assertEquals(repeat(5, "I'm foo", "I'm bar"), run("pyos2", "10"));
    }

    @Test
    void pyos3RemovesTasksThatEnd() throws Exception {
        assertEquals(repeat(5, "I'm foo", "I'm bar")
                + lines("I'm foo", "Task 2 terminated")
                + repeat(4, "I'm foo")
                + lines("Task 1 terminated"), run("pyos3"));
    }

    @Test
    void taskcrashCrashesTheStep2SchedulerOnly() throws Exception {
        assertEquals(lines("== the step-2 scheduler (pyos2) ==")
                + repeat(10, "I'm foo", "I'm bar")
                + lines("Scheduler crashed: io.jcoro.core.StopIteration: generator returned")
                + lines("== the step-3 scheduler (pyos3), 30 steps ==")
                + repeat(10, "I'm foo", "I'm bar")
                + lines("Task 1 terminated")
                + repeat(9, "I'm bar")
                + lines("== io.jcoro.sched.Scheduler: a task that throws ==",
                        "I'm crasher", "I'm worker",
                        "Task 1 failed: java.lang.IllegalStateException: crasher gave up",
                        "Task 1 terminated",
                        "I'm worker", "I'm worker",
                        "Task 2 terminated"), run("taskcrash"));
    }

    @Test
    void pyos4AnswersGetTid() throws Exception {
        // file 000: FOO 5 / BAR 6 five times, Task 5 terminated, BAR 6 five times, Task 6 terminated
        assertEquals(repeat(5, "I'm foo 1", "I'm bar 2")
                + lines("Task 1 terminated")
                + repeat(5, "I'm bar 2")
                + lines("Task 2 terminated"), run("pyos4"));
    }

    @Test
    void pyos5LaunchesAndKills() throws Exception {
        assertEquals(repeat(5, "I'm foo 2")
                + lines("Task 2 terminated", "main done", "Task 1 terminated"), run("pyos5"));
    }

    @Test
    void pyos6WaitsForTheChild() throws Exception {
        // file 000: I am foo, Waiting for child, I am foo x4, Task 3 terminated, Child done, Task 2 terminated
        assertEquals(lines("I'm foo", "Waiting for child")
                + repeat(4, "I'm foo")
                + lines("Task 2 terminated", "Child done", "Task 1 terminated"), run("pyos6"));
    }

    @Test
    void pyos7WaitsForIo() throws Exception {
        assertEquals(lines("ponger got ping 1", "pinger got pong 1",
                "ponger got ping 2", "pinger got pong 2",
                "ponger got ping 3", "pinger got pong 3",
                "Task 1 terminated", "ponger: end of stream", "Task 2 terminated"), run("pyos7"));
    }

    @Test
    void pyos8CallsSuspendingLibraryFunctionsWithoutATrampoline() throws Exception {
        assertEquals(lines("task 2 got ping 1", "task 1 got pong 1",
                "task 2 got ping 2", "task 1 got pong 2",
                "task 2 got ping 3", "task 1 got pong 3",
                "Task 1 terminated", "task 2: end of stream", "Task 2 terminated"), run("pyos8"));
    }

    @Test
    void trampolineAndThePlainCallBothGiveFour() throws Exception {
        assertEquals(lines("trampolined:", "4", "called directly:", "4"), run("trampoline"));
    }
}
