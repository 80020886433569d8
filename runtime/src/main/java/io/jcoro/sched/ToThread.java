package io.jcoro.sched;

import io.jcoro.core.Coroutine;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a blocking call (JDBC, a file, DNS, a library that blocks) on a thread pool while the task
 * waits suspended and the scheduler runs the others: trio's {@code to_thread.run_sync}, curio's
 * {@code run_in_thread}.
 *
 * <pre>{@code
 * String text = ToThread.run(() -> Files.readString(path));     // in a task
 * }</pre>
 *
 * <p><b>The pool</b>: by default a shared pool of at most {@value #DEFAULT_THREADS} daemon threads
 * ({@code -Djcoro.toThread.threads=N} to change it), which end after 30 s idle; calls beyond that
 * many wait in its queue. {@link #run(ExecutorService, Callable)} takes a pool of your own, for
 * instance sized like a database's connection pool.
 *
 * <p><b>Outcome</b>: the call's value is returned; what it throws comes out of {@code run}
 * unchanged, checked or not, as from a generator's body.
 *
 * <p><b>Cancellation</b> (a cancelled task, or a deadline around the call): a call that has not
 * started is dropped and never runs. A call that runs is interrupted, and the task waits,
 * shielded, until the call has returned, before {@link Cancelled} comes out; so when the task
 * moves on, nothing it started still runs behind its back (trio's default). A call that ignores
 * interruption delays the cancellation until it returns. A task that is killed
 * ({@link KillTask}) cannot wait: its call is interrupted and left to finish alone.
 */
public final class ToThread {
    /** The default pool's size, unless {@code -Djcoro.toThread.threads} says otherwise. */
    public static final int DEFAULT_THREADS = 16;

    private ToThread() {
    }

    /** The shared pool, made on first use. */
    private static final class Shared {
        static final ExecutorService POOL = pool(Integer.getInteger("jcoro.toThread.threads", DEFAULT_THREADS));

        private static ExecutorService pool(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("jcoro.toThread.threads must be 1 or more: " + threads);
            }
            AtomicInteger n = new AtomicInteger();
            ThreadFactory daemons = r -> {
                Thread t = new Thread(r, "jcoro-to-thread-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            ThreadPoolExecutor p = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), daemons);
            p.allowCoreThreadTimeOut(true);
            return p;
        }
    }

    /**
     * Runs {@code call} on the shared pool; the task waits suspended.
     *
     * @param call the blocking call
     * @param <T>  its value's type
     * @return its value
     */
    @Coroutine
    public static <T> T run(Callable<T> call) {
        return run(Shared.POOL, call);
    }

    /**
     * Runs {@code call} on {@code pool}; the task waits suspended.
     *
     * @param pool the threads to run it on
     * @param call the blocking call
     * @param <T>  its value's type
     * @return its value
     * @throws java.util.concurrent.RejectedExecutionException if the pool refuses it
     */
    @Coroutine
    @SuppressWarnings("try") // the shield works by being open
    public static <T> T run(ExecutorService pool, Callable<T> call) {
        Objects.requireNonNull(call, "call");
        ThreadCall<T> job = new ThreadCall<>(call);
        Future<?> handle = pool.submit(job);
        boolean returned = false;
        try {
            T value = Syscalls.await(job.outcome);
            returned = true;
            return value;
        } catch (Cancelled c) {
            if (job.abandon()) {
                throw c; // it never started, and never will
            }
            handle.cancel(true); // interrupt the thread running it
            try (CancelScope shield = CancelScope.shield()) {
                Syscalls.await(job.left); // the call has returned: nothing runs on behind the task
            }
            throw c;
        } finally {
            if (!returned && !job.outcome.isDone()) {
                handle.cancel(true); // killed: interrupt it, and leave it to finish alone
            }
        }
    }

    /** The call, as the pool runs it: it runs at most once, and says when it has left. */
    static final class ThreadCall<T> implements Runnable {
        private static final int QUEUED = 0;
        private static final int RUNNING = 1;
        private static final int ABANDONED = 2;

        private final Callable<T> call;
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        /** The call's value or exception, once it has returned. */
        final CompletableFuture<T> outcome = new CompletableFuture<>();
        /** Completed when the call has returned, whichever way; never fails. */
        final CompletableFuture<Void> left = new CompletableFuture<>();

        ThreadCall(Callable<T> call) {
            this.call = call;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return;
            }
            try {
                outcome.complete(call.call());
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            } finally {
                left.complete(null);
            }
        }

        /** @return true if the call had not started: it never will */
        boolean abandon() {
            return state.compareAndSet(QUEUED, ABANDONED);
        }
    }
}
