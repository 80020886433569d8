package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.sched.CancelScope;
import io.jcoro.sched.Cancelled;
import io.jcoro.sched.Channel;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import io.jcoro.sched.TaskTimeout;
import io.jcoro.sched.ToThread;
import java.io.FileNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Waiting on the world: a future completed by another thread wakes the scheduler out of its
 * selector wait and resumes the task on the scheduler's thread; a blocking call runs on a pool
 * while the other tasks run; cancellation of both; work posted from another thread.
 */
@Timeout(30)
class WorldTest {
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);

    @Test
    void aFutureCompletedByAnotherThreadResumesTheTaskOnTheSchedulersThread() throws Exception {
        CompletableFuture<String> future = new CompletableFuture<>();
        Thread[] resumedOn = new Thread[1];
        sched.spawn(() -> {
            String v = Syscalls.await(future);   // the only task: the loop must block, not call it a deadlock
            resumedOn[0] = Thread.currentThread();
            log.add("got " + v);
        });
        Thread completer = new Thread(() -> {
            sleep(50);
            future.complete("answer");
        });
        long start = System.nanoTime();
        completer.start();
        sched.run();
        completer.join();
        assertEquals(List.of("got answer"), log);
        assertSame(Thread.currentThread(), resumedOn[0]);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
        assertTrue(failed.isEmpty(), () -> failed.toString());
    }

    @Test
    void otherTasksRunWhileOneAwaitsAndAFailedFutureThrowsItsCause() {
        CompletableFuture<String> future = new CompletableFuture<>();
        int[] ticks = {0};
        sched.spawn(() -> {
            try {
                Co.mayThrow(FileNotFoundException.class);
                Syscalls.await(future);
            } catch (FileNotFoundException e) { // checked, unchanged: Co.mayThrow lets us name it
                log.add("failed: " + e.getMessage());
            }
        });
        CountDownLatch ticked = new CountDownLatch(3);
        sched.spawn(() -> {
            while (!future.isDone()) {
                ticks[0]++;
                ticked.countDown();
                Syscalls.sleep(1);
            }
        });
        CompletableFuture.runAsync(() -> {
            try {
                ticked.await(10, TimeUnit.SECONDS); // completes only once the ticker has run meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            future.completeExceptionally(new FileNotFoundException("no such thing"));
        });
        sched.run();
        assertEquals(List.of("failed: no such thing"), log);
        assertTrue(ticks[0] >= 3, "the ticker ran meanwhile: " + ticks[0]);
    }

    @Test
    void aDeadlineEndsTheAwaitAndLeavesTheFutureAlone() {
        CompletableFuture<String> never = new CompletableFuture<>();
        sched.spawn(() -> {
            try (CancelScope deadline = CancelScope.failAfter(Duration.ofMillis(20))) {
                Syscalls.await(never);
            } catch (TaskTimeout e) {
                log.add("timed out");
            }
        });
        sched.run();
        assertEquals(List.of("timed out"), log);
        assertFalse(never.isDone(), "the future is not ours to cancel");
        never.complete("late"); // nobody waits any more: nothing happens
    }

    @Test
    void aBlockingCallRunsOnAThreadWhileTheOtherTasksRun() {
        int[] ticks = {0};
        boolean[] done = {false};
        CountDownLatch ticked = new CountDownLatch(5);
        sched.spawn(() -> {
            String v = ToThread.run(() -> {
                ticked.await(10, TimeUnit.SECONDS); // blocks a pool thread until the ticker has run
                return Thread.currentThread().getName();
            });
            done[0] = true;
            log.add("ran on " + v.replaceAll("\\d+$", "N"));
        });
        sched.spawn(() -> {
            while (!done[0]) {
                ticks[0]++;
                ticked.countDown();
                Syscalls.sleep(1);
            }
        });
        sched.run();
        assertEquals(List.of("ran on jcoro-to-thread-N"), log);
        assertTrue(ticks[0] >= 5, "the ticker ran meanwhile: " + ticks[0]);
    }

    @Test
    void aCheckedExceptionOfTheCallComesOutUnchanged() {
        Task t = sched.spawn(() -> ToThread.run(() -> {
            throw new FileNotFoundException("gone");
        }));
        sched.run();
        assertInstanceOf(FileNotFoundException.class, t.failure());
    }

    @Test
    void cancellingInterruptsTheCallAndWaitsUntilItHasReturned() {
        CountDownLatch started = new CountDownLatch(1);
        Task caller = sched.spawn(() -> {
            try {
                ToThread.run(() -> {
                    started.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.sleep(30);         // clean-up that takes a while
                        log.add("call interrupted and returned");
                    }
                    return null;
                });
            } catch (Cancelled c) {
                log.add("task sees Cancelled");
                throw c;
            }
        });
        sched.spawn(() -> {
            ToThread.run(() -> started.await(10, TimeUnit.SECONDS));
            Syscalls.cancelTask(caller.id());
        });
        sched.run();
        assertEquals(List.of("call interrupted and returned", "task sees Cancelled"), log);
        assertTrue(caller.isCancelled());
    }

    @Test
    void aCallThatHasNotStartedIsDroppedWhenItsTaskIsCancelled() throws InterruptedException {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger ran = new AtomicInteger();
            CountDownLatch release = new CountDownLatch(1);
            sched.spawn(() -> ToThread.run(one, () -> release.await(10, TimeUnit.SECONDS))); // holds the only thread
            Task queued = sched.spawn(() -> ToThread.run(one, ran::incrementAndGet));
            sched.spawn(() -> {
                Syscalls.sleep(20);
                Syscalls.cancelTask(queued.id());
                release.countDown();
            });
            sched.run();
            one.shutdown();
            assertTrue(one.awaitTermination(5, TimeUnit.SECONDS));
            assertEquals(0, ran.get(), "the queued call never ran");
            assertTrue(queued.isCancelled());
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void workPostedFromAnotherThreadRunsOnTheSchedulersThread() {
        Channel<String> inbox = new Channel<>("inbox", 4);
        CompletableFuture<Void> posted = new CompletableFuture<>();
        sched.spawn(() -> {
            Syscalls.await(posted);              // keeps the loop waiting for the outside
            log.add("got " + inbox.receive());
        });
        Thread schedulerThread = Thread.currentThread();
        Thread other = new Thread(() -> {
            sleep(20);
            sched.execute(() -> {
                log.add(Thread.currentThread() == schedulerThread ? "on the scheduler's thread" : "elsewhere");
                inbox.trySend("hello");
                posted.complete(null);
            });
        });
        other.start();
        sched.run();
        assertEquals(List.of("on the scheduler's thread", "got hello"), log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
