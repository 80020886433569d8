package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.net.Listener;
import io.jcoro.net.OpenChannels;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.SystemCall;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No failure of a task ends the scheduler; a failure of the kernel itself stops it cleanly. The
 * faults injected: an {@link Error} thrown inside a system call's {@code handle} (kernel code),
 * while other tasks sleep, wait in {@code accept} and wait in the ready queue; and exit
 * listeners that throw.
 */
@Timeout(30)
class KernelFailureTest {
    final List<String> log = new ArrayList<>();

    @Test
    void anErrorInTheKernelClosesEveryTaskAndComesOutOfRun() {
        int openBefore = OpenChannels.count();
        Scheduler sched = new Scheduler();
        OutOfMemoryError injected = new OutOfMemoryError("injected into a system call");
        sched.spawn(() -> {
            try {
                Syscalls.sleep(3_600_000);
            } finally {
                log.add("sleeper closed");
            }
        });
        sched.spawn(() -> {
            try (Listener listener = Listener.bind(0)) {
                listener.accept();
            } finally {
                log.add("server closed");
            }
        });
        sched.spawn(() -> {
            try {
                while (true) {
                    Co.yield(null);
                }
            } finally {
                log.add("spinner closed");
            }
        });
        sched.spawn(() -> {
            try {
                Co.yield(null);
                Co.yield((SystemCall) (kernel, task) -> {
                    throw injected;
                });
            } finally {
                log.add("caller closed");
            }
        });
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, sched::run);
        assertSame(injected, e, "the cause, unchanged");
        assertEquals(List.of("sleeper closed", "server closed", "spinner closed", "caller closed"), log);
        assertEquals(0, sched.taskCount());
        assertTrue(sched.isStopped());
        assertEquals(openBefore, OpenChannels.count(), "the listener was closed");
        sched.run(); // stopped: returns at once
        sched.close();
    }

    @Test
    void listenersThatThrowAreReportedAndTheSchedulerGoesOn() {
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        List<Task> tasks = new ArrayList<>();
        try {
            Scheduler sched = new Scheduler()
                    .onExit(t -> {
                        throw new IllegalStateException("exit listener broke on task " + t.id());
                    })
                    .onFailure(t -> {
                        throw new IllegalStateException("failure listener broke");
                    });
            tasks.add(sched.spawn(() -> {
                Co.yield(null);
                throw new IllegalArgumentException("task failed");
            }));
            for (int i = 0; i < 3; i++) {
                int n = i;
                tasks.add(sched.spawn(() -> {
                    Syscalls.sleep(n);
                    log.add("task " + n + " done");
                }));
            }
            sched.run();
        } finally {
            System.setErr(savedErr);
        }
        String report = err.toString(StandardCharsets.UTF_8);
        assertEquals(List.of("task 0 done", "task 1 done", "task 2 done"), log);
        assertEquals(Task.State.FAILED, tasks.get(0).state());
        assertTrue(report.contains("Scheduler onFailure listener failed for task 1"), report);
        assertTrue(report.contains("Scheduler onExit listener failed for task 4"), report);
    }
}
