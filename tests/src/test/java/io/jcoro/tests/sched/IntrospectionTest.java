package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Coroutine;
import io.jcoro.sched.Activation;
import io.jcoro.sched.Channel;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import io.jcoro.sched.TaskInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What each task is doing (id, state, what it waits on, its suspended frames with method and
 * line), asked from a task and from another thread; and the activation hook that sees every
 * task's life and every trap.
 */
@Timeout(30)
class IntrospectionTest {
    final Scheduler sched = new Scheduler();

    @Coroutine
    static void worker(Channel<String> jobs) {
        jobs.receive();
    }

    @Coroutine
    static void napper() {
        Syscalls.sleep(3_600_000);
    }

    @Test
    void everyTaskSaysWhatItWaitsOnAndWhereItIsSuspended() {
        Channel<String> jobs = new Channel<>("jobs", 1);
        List<List<TaskInfo>> seen = new ArrayList<>();
        Task w = sched.spawn(() -> worker(jobs));
        Task n = sched.spawn(() -> napper());
        Task parent = sched.spawn(() -> Syscalls.waitTask(n.id()));
        sched.spawn(() -> {
            Syscalls.sleep(10);
            seen.add(sched.tasks());
            String dump = sched.dump();
            assertTrue(dump.startsWith("Scheduler: 4 tasks"), dump);
            sched.stop();
        });
        sched.run();
        List<TaskInfo> all = seen.get(0);
        assertEquals(4, all.size());
        TaskInfo wi = all.get(0);
        assertEquals(w.id(), wi.id());
        assertEquals(Task.State.WAITING, wi.state());
        assertEquals("receive from channel 'jobs'", wi.waitingOn());
        StackTraceElement top = wi.frames().get(0);
        assertEquals(Channel.class.getName(), top.getClassName(), "innermost first: inside the channel");
        assertTrue(wi.frames().stream().anyMatch(f -> f.getMethodName().equals("worker")
                && f.getClassName().equals(IntrospectionTest.class.getName()) && f.getLineNumber() == 35), wi::toString);
        assertTrue(all.get(1).waitingOn().startsWith("sleep, "), all.get(1)::toString);
        assertTrue(all.get(1).frames().stream().anyMatch(f -> f.getMethodName().equals("napper") && f.getLineNumber() == 40));
        assertEquals("task " + n.id(), all.get(2).waitingOn());
        assertEquals(parent.id(), all.get(2).id());
        assertEquals(Task.State.RUNNING, all.get(3).state(), "the asking task runs");
        assertTrue(all.get(3).frames().isEmpty());
    }

    @Test
    void anotherThreadGetsTheDumpBetweenTwoSteps() throws Exception {
        CompletableFuture<String> dump = new CompletableFuture<>();
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Void> done = new CompletableFuture<>();
        sched.spawn(() -> {
            running.countDown();
            Syscalls.await(done);
        });
        Thread asker = new Thread(() -> {
            try {
                running.await(10, TimeUnit.SECONDS);
                dump.complete(sched.dump());
            } catch (Throwable e) {
                dump.completeExceptionally(e);
            } finally {
                done.complete(null);
            }
        });
        asker.start();
        sched.run();
        String text = dump.get(10, TimeUnit.SECONDS);
        assertTrue(text.contains("Task 1 WAITING: await a CompletableFuture"), text);
        assertTrue(text.contains("at " + IntrospectionTest.class.getName() + ".lambda$"), text);
    }

    @Test
    void anActivationSeesCreationStepsTrapsAndEnds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> events = new ArrayList<>();
        sched.addActivation(Activation.printing(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        sched.addActivation(new Activation() {
            @Override
            public void created(Task task) {
                events.add("created " + task.id());
            }

            @Override
            public void suspended(Task task, Object yielded) {
                events.add("suspended " + task.id() + " " + task.waitingOn());
            }

            @Override
            public void terminated(Task task) {
                events.add("ended " + task.id() + " " + task.state());
            }
        });
        Channel<String> ch = new Channel<>("c", 0);
        sched.spawn(() -> ch.receive());
        sched.spawn(() -> ch.send("x"));
        sched.run();
        assertEquals(List.of("created 1", "created 2", "suspended 1 receive from channel 'c'",
                "suspended 2 null", "ended 1 RETURNED", "ended 2 RETURNED"), events);
        String trace = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(trace.contains("[sched] task 1 trap, waits: receive from channel 'c'"), trace);
        assertTrue(trace.contains("[sched] task 2 trap, answered at once"), trace);
        assertTrue(trace.contains("[sched] task 2 returned"), trace);
    }
}
