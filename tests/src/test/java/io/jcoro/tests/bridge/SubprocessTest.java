package io.jcoro.tests.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.bridge.ChildJvm;
import io.jcoro.bridge.Subprocess;
import io.jcoro.sched.CancelScope;
import io.jcoro.sched.Cancelled;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import io.jcoro.sched.TaskTimeout;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tasks talk to a child JVM through its pipes without blocking the scheduler: echo, a transfer
 * both ways bigger than every buffer, end of input, exit status, deadlines and cancellation on a
 * read, back-pressure, killing the tree; and {@code StandardInput} read by a task in a child JVM.
 * Every wait is ordered by events (a line seen, a byte count reached), not by clocks.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails, it does not block the build
class SubprocessTest {
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);
    final List<Subprocess> started = new ArrayList<>();

    Subprocess child(String... args) {
        Subprocess p = Subprocess.start(ChildJvm.command(PipeChild.class, args).redirectError(Redirect.INHERIT));
        started.add(p);
        return p;
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(Subprocess::close);
    }

    void runClean() {
        sched.run();
        assertTrue(failed.isEmpty(), () -> "failed tasks: " + failed + " " + failed.stream().map(Task::failure).toList());
    }

    @Test
    void aTaskTalksToAChildWhileATickerRunsAndSeesTheEndAndTheExitStatus() {
        Subprocess cat = child("cat");
        int[] ticks = {0};
        boolean[] done = {false};
        sched.spawn(() -> {
            cat.send("hello\n");
            log.add(cat.readLine());
            cat.send("é ünïcødé\r\nno newline");
            log.add(cat.readLine());
            cat.closeStdin();
            log.add(cat.readLine());                 // the last line, unterminated, at the end
            log.add(String.valueOf(cat.readLine())); // then the end, every time
            log.add(String.valueOf(cat.readLine()));
            log.add("exit " + cat.waitFor());
            done[0] = true;
        });
        sched.spawn(() -> {
            while (!done[0]) {
                ticks[0]++;
                Syscalls.sleep(1);
            }
        });
        runClean();
        assertEquals(List.of("hello", "é ünïcødé", "no newline", "null", "null", "exit 0"), log);
        assertTrue(ticks[0] > 1, "the ticker ran while the task waited for a child JVM: " + ticks[0]);
    }

    @Test
    void aLineTheReaderWaitsForComesOnlyAfterOtherTasksRan() {
        Subprocess cat = child("cat");
        int[] ticks = {0};
        sched.spawn(() -> {
            log.add(cat.readLine() + " after " + ticks[0] + " ticks"); // waits: nothing is sent yet
            cat.close();
        });
        sched.spawn(() -> {
            while (++ticks[0] < 5) {
                Syscalls.sleep(0);                   // other tasks' turns, not time, order this test
            }
            cat.send("go\n");
        });
        runClean();
        assertEquals(List.of("go after 5 ticks"), log);
    }

    @Test
    void aBigTransferBothWaysAtOnceDoesNotDeadlock() {
        byte[] data = new byte[8 << 20];             // far beyond the pipes' and the buffers' sizes
        new Random(14).nextBytes(data);
        Subprocess cat = Subprocess.start(ChildJvm.command(PipeChild.class, "cat").redirectError(Redirect.INHERIT), 4096);
        started.add(cat);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        int[] most = {0};
        sched.spawn(() -> {
            for (int off = 0; off < data.length; off += 100_000) {
                cat.stdin().sendAll(data, off, Math.min(100_000, data.length - off));
            }
            cat.closeStdin();
        });
        sched.spawn(() -> {
            for (byte[] b; (b = cat.recv(65536)).length > 0; ) {
                most[0] = Math.max(most[0], b.length);
                back.write(b, 0, b.length);
            }
            log.add("exit " + cat.waitFor());
        });
        runClean();
        assertEquals(List.of("exit 0"), log);
        assertEquals(data.length, back.size());
        assertArrayEquals(data, back.toByteArray());
        assertTrue(most[0] <= 4096, "never more than the buffer at once: " + most[0]);
        assertEquals(data.length, cat.stdin().sent());
    }

    @Test
    void thePumpStopsReadingWhileTheBufferIsFull() {
        Subprocess cat = Subprocess.start(ChildJvm.command(PipeChild.class, "cat").redirectError(Redirect.INHERIT), 1000);
        started.add(cat);
        byte[] data = new byte[1 << 20];
        Arrays.fill(data, (byte) 'x');
        long[] sentWhenFull = new long[2];
        sched.spawn(() -> {
            try {
                cat.stdin().sendAll(data);           // nobody reads: the child, then this, must stop
            } catch (UncheckedIOException e) {
                log.add("send stopped by close");
            }
        });
        sched.spawn(() -> {
            while (cat.stdout().buffered() < 1000) {
                Syscalls.sleep(1);
            }
            sentWhenFull[0] = cat.stdin().sent();
            // the sender is stuck far short of 1 MiB: wait until its count has not moved for 50 turns
            for (int still = 0; still < 50; still = cat.stdin().sent() == sentWhenFull[1] ? still + 1 : 0) {
                sentWhenFull[1] = cat.stdin().sent();
                Syscalls.sleep(1);
            }
            log.add("buffered " + cat.stdout().buffered());
            cat.close();
        });
        runClean();
        assertEquals(List.of("buffered 1000", "send stopped by close"), log);
        assertTrue(sentWhenFull[1] < data.length, "the sender was held back: " + sentWhenFull[1]);
    }

    @Test
    void exitStatusAndStandardError() {
        Subprocess p = Subprocess.start(ChildJvm.command(PipeChild.class, "exit", "3")); // stderr piped too
        started.add(p);
        sched.spawn(() -> {
            log.add(p.readLine());
            log.add(p.stderr().readLine());
            log.add("exit " + p.waitFor());
            log.add(p.readLine() + " " + p.stderr().readLine());
        });
        // standard error merged into standard output: stderr() reads as ended, and has no thread
        Subprocess q = Subprocess.start(ChildJvm.command(PipeChild.class, "exit", "0").redirectErrorStream(true));
        started.add(q);
        sched.spawn(() -> {
            log.add("merged " + q.readLine() + " " + q.readLine() + " " + q.stderr().readLine() + " " + q.waitFor());
        });
        runClean();
        assertTrue(log.contains("merged out err null 0"), log.toString());
        log.remove("merged out err null 0");
        assertEquals(List.of("out", "err", "exit 3", "null null"), log);
    }

    @Test
    void aDeadlineEndsAReadFromASilentChildAndTheNextReadWorks() {
        Subprocess cat = child("cat");
        sched.spawn(() -> {
            try (CancelScope s = CancelScope.failAfter(Duration.ofMillis(100))) {
                cat.readLine();
                log.add("read something?");
            } catch (TaskTimeout e) {
                log.add("timed out");
            }
            log.add("moved on: " + Syscalls.moveOnAfter(Duration.ofMillis(50), () -> cat.recv(10)));
            cat.send("late\n");
            log.add(cat.readLine());
        });
        runClean();
        assertEquals(List.of("timed out", "moved on: false", "late"), log);
    }

    @Test
    void aCancelledReadLeavesThePartialLineForTheNextRead() {
        Subprocess cat = child("cat");
        Task reader = sched.spawn(() -> {
            try {
                log.add("first reader got " + cat.readLine());
            } catch (Cancelled c) {
                log.add("first reader cancelled");
                throw c;
            }
        });
        sched.spawn(() -> {
            cat.send("part");                        // no newline: the reader keeps waiting
            while (cat.stdout().buffered() < 4) {
                Syscalls.sleep(1);
            }
            Syscalls.cancelTask(reader.id());
            cat.send("ial line\nnext\n");
            log.add("second reader got " + cat.readLine() + ", then " + cat.readLine());
            cat.close();
        });
        runClean();
        assertEquals(List.of("first reader cancelled", "second reader got partial line, then next"), log);
        assertTrue(reader.isCancelled());
    }

    @Test
    void aLineLongerThanTheBufferFailsAndItsBytesStayForRecv() {
        Subprocess cat = Subprocess.start(ChildJvm.command(PipeChild.class, "cat").redirectError(Redirect.INHERIT), 16);
        started.add(cat);
        sched.spawn(() -> {
            cat.send("0123456789abcdefXYZ\n");
            try {
                cat.readLine();
            } catch (UncheckedIOException e) {
                log.add(e.getCause().getMessage().replaceAll("process \\d+", "process N"));
            }
            log.add(new String(cat.recv(100), StandardCharsets.UTF_8));
            log.add(cat.readLine());
            cat.close();
        });
        runClean();
        assertEquals(3, log.size(), log.toString());
        assertTrue(log.get(0).startsWith("readLine from stdout of process N (java "), log.get(0));
        assertTrue(log.get(0).endsWith(": a line longer than 16 bytes (they stay buffered; recv reads them)"), log.get(0));
        assertEquals(List.of("0123456789abcdef", "XYZ"), log.subList(1, 3));
    }

    @Test
    void sendingToAChildThatExitedFailsAndNamesTheStream() {
        Subprocess p = child("exit", "0");
        sched.spawn(() -> {
            p.waitFor();
            byte[] chunk = new byte[65536];
            try {
                for (int i = 0; i < 1000; i++) {     // the first write fails on the closed pipe
                    p.sendAll(chunk);
                }
                log.add("sent 64 MiB to a dead child?");
            } catch (UncheckedIOException e) {
                log.add(e.getMessage().startsWith("send to stdin of process " + p.pid()) ? "failed, named" : e.getMessage());
            }
        });
        runClean();
        assertEquals(List.of("failed, named"), log);
    }

    @Test
    void closeKillsTheChildAndItsDescendantsAndEndsThePumps() throws Exception {
        Subprocess tree = child("tree");
        long[] grandchild = new long[1];
        sched.spawn(() -> {
            grandchild[0] = Long.parseLong(tree.readLine());
            tree.close();
            try {
                tree.readLine();
            } catch (UncheckedIOException e) {
                log.add("read after close: " + e.getCause().getMessage().contains("the reader is closed"));
            }
            log.add("exit " + tree.waitFor());
        });
        runClean();
        assertEquals(List.of("read after close: true", "exit " + (isWindows() ? 1 : 137)), log);
        ProcessHandle g = ProcessHandle.of(grandchild[0]).orElse(null);
        if (g != null) {
            g.onExit().get(30, TimeUnit.SECONDS);   // killed, not left running
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains("process " + tree.pid() + " ")) {
                t.join(TimeUnit.SECONDS.toMillis(30));
                assertFalse(t.isAlive(), t.getName() + " still runs");
            }
        }
    }

    @Test
    void outsideATaskTheReadsBlockTheThread() {
        Subprocess cat = child("cat");
        cat.send("plain\n");
        assertEquals("plain", cat.readLine());
        cat.closeStdin();
        assertNull(cat.readLine());
        assertEquals(0, cat.waitFor());
    }

    @Test
    void aTaskInAChildJvmReadsStandardInputWhileItsTickerRuns() {
        Subprocess p = child("stdin");
        sched.spawn(() -> {
            log.add(p.readLine());                   // its first read timed out: nothing was sent
            p.send("a\n");
            log.add(p.readLine());
            log.add(p.readLine());                   // its ticker ran while its reader waited
            p.send("b\n");
            log.add(p.readLine());
            log.add(p.readLine());
            p.closeStdin();
            log.add(p.readLine());
            log.add("exit " + p.waitFor());
        });
        runClean();
        assertEquals(List.of("no input yet", "line: a", "ticked while waiting", "line: b", "ticked while waiting",
                "eof", "exit 0"), log);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").startsWith("Windows");
    }
}
