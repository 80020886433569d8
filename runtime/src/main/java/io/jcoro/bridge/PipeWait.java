package io.jcoro.bridge;

import io.jcoro.core.Coroutine;
import io.jcoro.sched.Syscalls;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * How the pipes wait for their threads: in a task, by {@linkplain Syscalls#await awaiting} a
 * future that the pump thread completes (the task is suspended, the scheduler runs the others,
 * and a deadline or a cancellation ends the wait); on a plain thread, by blocking on it.
 */
final class PipeWait {
    private PipeWait() {
    }

    /**
     * @param future completed by another thread
     * @param what   the operation, for the message if the thread is interrupted
     * @param <T>    the value's type
     * @return the future's value
     */
    @Coroutine
    static <T> T await(CompletableFuture<T> future, String what) {
        if (Syscalls.inTask()) {
            return Syscalls.await(future);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException(what + " interrupted"));
        } catch (ExecutionException e) {
            throw PipeWait.<RuntimeException>rethrow(e.getCause());
        }
    }

    /** Throws {@code t} unchanged, checked or not, as {@link Syscalls#await} does in a task. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
