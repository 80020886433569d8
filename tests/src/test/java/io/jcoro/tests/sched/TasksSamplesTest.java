package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.tests.SampleTranscript;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The samples of issue 14 print what they say: channels, the world, a subprocess, one consumer type, the task dump. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a sample that spins fails, not hangs
class TasksSamplesTest {
    @Test
    void channels() throws Exception {
        String out = SampleTranscript.run("channels", "5");
        assertEquals(String.join("\n",
                "starter: 3 tasks wait for the event",
                "collector: control says 'workers done'",
                "job 1 squared is 1",
                "job 2 squared is 4",
                "job 3 squared is 9",
                "job 4 squared is 16",
                "job 5 squared is 25",
                "5 results; at most 2 workers at the database at once", ""), out.replace("\r\n", "\n"));
    }

    @Test
    void fanOutComputesTheSameOnOneThreadAndOnEveryCore() throws Exception {
        String out = SampleTranscript.run("fanout", "16", "20", "1000", "2").replace("\r\n", "\n");
        List<String> lines = out.lines().toList();
        assertEquals(3, lines.size(), out);
        assertTrue(lines.get(0).startsWith("16 tasks x 20 slices of 1000 rounds, on 1 thread and on "), out);
        for (String run : lines.subList(1, 3)) {
            assertTrue(run.matches("run \\d: 1 thread [0-9.]+ ms, \\d+ threads [0-9.]+ ms, speed-up [0-9.]+, checksums equal"), run);
        }
    }

    @Test
    void world() throws Exception {
        String out = SampleTranscript.run("world").replace("\r\n", "\n");
        assertTrue(out.contains("await: the other thread's sum is 500000500000\n"), out);
        assertTrue(out.contains("to_thread: localhost is a loopback address: true\n"), out);
        List<String> tail = out.lines().filter(l -> l.startsWith("tail -F: ")).toList();
        assertEquals(List.of("tail -F: request 1", "tail -F: request 2", "tail -F: request 3", "tail -F: request 4"),
                tail, "the lines of both files, across the rotation");
        assertTrue(out.contains("ticker: the scheduler kept running all along (many turns)"), out);
    }

    @Test
    void sortProcess() throws Exception {
        String out = SampleTranscript.run("sortprocess").replace("\r\n", "\n");
        List<String> sorted = out.lines().filter(l -> l.startsWith("sorted: ")).toList();
        assertEquals(List.of("sorted: apple", "sorted: banana", "sorted: cherry", "sorted: date", "sorted: fig",
                "sorted: pear", "sorted: quince"), sorted, out);
        assertTrue(out.contains("sort says: 7 lines sorted\n"), out);         // its stderr, read by another task
        assertTrue(out.indexOf("sort exited with status 0\n") > out.indexOf("sorted: quince"), out);
        assertTrue(out.endsWith("ticker: the scheduler kept running all along (many turns)\n"), out);
    }

    @Test
    void oneType() throws Exception {
        String out = SampleTranscript.run("onetype").replace("\r\n", "\n");
        assertEquals(String.join("\n",
                "== Follow.sendTo(grep(python, a Sink.of printer)) ==",
                "printer: GET /python.html",
                "printer: closed",
                "== Sources.feed(list, a Sink.of printer) ==",
                "printer: one",
                "printer: two",
                "printer: closed",
                "== two greps share one Sink.of printer (fan-in) ==",
                "shared: GET /python.html",
                "shared: GET /swig.html",
                "shared: closed",
                "== and a lambda ==",
                "lambda: GET /perl.html", ""), out);
    }

    @Test
    void taskDump() throws Exception {
        String out = SampleTranscript.run("taskdump").replace("\r\n", "\n");
        assertTrue(out.contains("[sched] task 1 trap, waits: receive from channel 'greetings'\n"), out);
        assertTrue(out.contains("  receiver got hello\n"), out);
        assertTrue(out.contains("  task 1 WAITING, waits on receive from channel 'orders', in consumer line 27\n"), out);
        assertTrue(out.contains("  task 2 WAITING, waits on sleep, in holder line 34\n"), out);
        assertTrue(out.contains("  task 3 WAITING, waits on acquire lock 'ledger' (held by task 2), in contender line 42\n"), out);
        assertTrue(out.contains("  task 4 WAITING, waits on await a CompletableFuture\n"), out);
        assertTrue(out.contains("  task 5 RUNNING\n"), out);
        assertTrue(out.contains("Scheduler: 5 tasks\nTask 1 WAITING: receive from channel 'orders'\n"
                + "    at io.jcoro.sched.Channel.receiveOrNull("), out);
        assertTrue(out.contains("    at io.jcoro.samples.tasks.TaskDump.consumer(TaskDump.java:27)\n"), out);
        assertTrue(out.contains("stopped; the lock is free"), out);
    }
}
