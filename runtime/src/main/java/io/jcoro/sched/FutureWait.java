package io.jcoro.sched;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The system call of {@link Syscalls#await}: parks the task until a future completes. The
 * future's callback runs on whichever thread completes it, so it only posts to the kernel's
 * {@link Inbox} (which wakes the selector); the task is resumed on the scheduler's thread. While
 * the task waits, the kernel counts it as waiting on the outside world, so that a loop with
 * nothing else to do blocks for it instead of reporting a deadlock.
 */
final class FutureWait implements SystemCall, Runnable {
    /** What a completed future's outcome was: a value, or a failure to raise. */
    private static final class Failure {
        final Throwable error;

        Failure(Throwable error) {
            this.error = error;
        }
    }

    private final CompletionStage<?> future;
    private Kernel kernel;
    /** Parked and counted in {@link Kernel#external}; cleared by the unpark. */
    private boolean active;

    FutureWait(CompletionStage<?> future) {
        this.future = future;
    }

    @Override
    public void handle(Kernel k, Task t) {
        if (future instanceof CompletableFuture<?> cf && cf.isDone()) {
            deliver(k, t, outcomeOf(cf));
            return;
        }
        kernel = k;
        active = true;
        k.external++;
        k.park(t, this);
        future.whenComplete((value, error) -> {
            Object outcome = error == null ? value : new Failure(unwrap(error));
            k.inbox.post(() -> {
                if (active) {
                    deliver(k, t, outcome);
                }
            });
        });
    }

    private static void deliver(Kernel k, Task t, Object outcome) {
        if (outcome instanceof Failure f) {
            k.raise(t, f.error);
        } else {
            k.resume(t, outcome);
        }
    }

    private static Object outcomeOf(CompletableFuture<?> cf) {
        try {
            return cf.join();
        } catch (CompletionException e) {
            return new Failure(unwrap(e));
        } catch (CancellationException e) {
            return new Failure(e);
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** The unpark: the task no longer waits (resumed, cancelled, timed out or killed). */
    @Override
    public void run() {
        if (active) {
            active = false;
            kernel.external--;
        }
    }

    @Override
    public String toString() {
        return "await " + (future instanceof CompletableFuture<?> ? "a CompletableFuture" : future.getClass().getSimpleName());
    }
}
