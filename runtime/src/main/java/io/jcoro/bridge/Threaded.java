package io.jcoro.bridge;

import io.jcoro.flow.StageException;
import io.jcoro.flow.Target;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The course's {@code threaded(target)}: a stage that hands items to a downstream chain
 * running on its own thread, through a bounded queue.
 *
 * <pre>{@code
 * SaxSource.parse(doc,
 *         Buses.busesToDicts(
 *         Threaded.threaded(                       // everything below runs on another thread
 *             Buses.filterOnField("route", "22",
 *             Buses.busLocations(System.out)))));
 * }</pre>
 *
 * <ul>
 *   <li><b>Back-pressure:</b> {@link #send} waits while the queue is full, so a fast producer
 *       cannot run ahead of a slow consumer by more than the capacity.
 *   <li><b>Any thread may send</b>, concurrently: this is the safe way for several threads to
 *       feed one coroutine (cocrash), since only the worker thread ever advances the target.
 *   <li><b>Close</b> is queued behind the items: the worker delivers them all, then closes the
 *       target, and {@link #close()} returns once it has (the worker thread is then finished).
 *       Fed by several stages, it closes when the last of them closes.
 *   <li><b>Errors:</b> if the downstream chain fails, the worker closes it, drops what is queued
 *       and stops; the next {@code send} or {@code close} throws a {@link StageException} that
 *       names the failed stage, with the original as its cause. A sender waiting for room is
 *       woken and told.
 * </ul>
 * The worker is a daemon thread, named after the target; close the stage to flush it.
 *
 * @param <T> the type of the items
 */
public final class Threaded<T> implements Target<T> {
    /** The queue capacity {@link #threaded(Consumer)} uses. */
    public static final int DEFAULT_CAPACITY = 1024;

    private static final Object CLOSE = new Object();
    private static final Object NULL = new Object();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Target<? super T> target;
    private final Mailbox mailbox;
    private final Thread worker;
    private final AtomicInteger upstreams = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile Throwable failure;

    private Threaded(Target<? super T> target, int capacity) {
        this.target = target;
        this.mailbox = new Mailbox(capacity);
        this.worker = new Thread(this::work, "jcoro-threaded-" + THREADS.incrementAndGet() + " (" + target.name() + ")");
        worker.setDaemon(true);
    }

    /**
     * @param target the downstream chain (any consumer: {@link Target#of}), which from now on
     *               runs only on the new thread
     * @param <T>    the type of the items
     * @return the running stage, with a queue of {@value #DEFAULT_CAPACITY} items
     */
    public static <T> Threaded<T> threaded(Consumer<? super T> target) {
        return threaded(target, DEFAULT_CAPACITY);
    }

    /**
     * @param downstream the downstream chain (any consumer: {@link Target#of}), which from now
     *                 on runs only on the new thread
     * @param capacity how many items may wait in the queue before senders wait
     * @param <T>      the type of the items
     * @return the running stage
     */
    public static <T> Threaded<T> threaded(Consumer<? super T> downstream, int capacity) {
        Target<? super T> target = Target.of(Objects.requireNonNull(downstream, "target"));
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        target.addUpstream();
        Threaded<T> stage = new Threaded<>(target, capacity);
        stage.worker.start();
        return stage;
    }

    /**
     * Queues the item for the worker, waiting while the queue is full.
     *
     * @throws StageException        if the downstream chain has failed
     * @throws IllegalStateException if the stage is closed, or the sender is interrupted while
     *                               waiting (its interrupt flag is set again)
     */
    @Override
    public void send(T item) {
        if (closing.get()) {
            throw new IllegalStateException("stage '" + name() + "' is closed; cannot send "
                    + StageException.describe(item));
        }
        throwFailure(false);
        boolean queued;
        try {
            queued = mailbox.put(item == null ? NULL : item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for room in '" + name() + "'", e);
        }
        if (!queued) {
            throwFailure(false);
        }
    }

    /**
     * Queues the close behind the items already sent and waits until the worker has delivered
     * them and closed the target. Does nothing more if already closed.
     *
     * @throws StageException        if the downstream chain failed and no sender has been told
     * @throws IllegalStateException if called from the worker thread itself, or interrupted
     */
    @Override
    public void close() {
        if (Thread.currentThread() == worker) {
            throw new IllegalStateException("'" + name() + "' cannot be closed from its own worker thread");
        }
        try {
            if (closing.compareAndSet(false, true)) {
                mailbox.put(CLOSE);
            }
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing '" + name() + "'", e);
        }
        throwFailure(true);
    }

    @Override
    public boolean isClosed() {
        return closing.get() || failure != null;
    }

    /** @return {@code threaded(TARGET)} */
    @Override
    public String name() {
        return "threaded(" + target.name() + ")";
    }

    @Override
    public void addUpstream() {
        upstreams.incrementAndGet();
    }

    /** Closes this stage once every stage that feeds it has closed. */
    @Override
    public void upstreamClosed() {
        if (upstreams.decrementAndGet() <= 0) {
            close();
        }
    }

    /** @return how many items wait in the queue now */
    public int backlog() {
        return mailbox.size();
    }

    /** @return the worker thread (for diagnostics and tests) */
    public Thread worker() {
        return worker;
    }

    @SuppressWarnings("unchecked")
    private void work() {
        try {
            while (true) {
                Object item = mailbox.take();
                if (item == CLOSE) {
                    target.upstreamClosed();
                    return;
                }
                target.send(item == NULL ? null : (T) item);
            }
        } catch (Throwable e) {
            failure = e;
            mailbox.shut();
            try {
                target.upstreamClosed();
            } catch (Throwable ignored) {
                e.addSuppressed(ignored);
            }
        }
    }

    /**
     * Throws the worker's failure: as a {@link StageException} to the first sender or closer
     * after it happened, then as "has failed" to later senders (a later close is quiet).
     */
    private void throwFailure(boolean quietIfReported) {
        Throwable f = failure;
        if (f == null) {
            return;
        }
        if (!reported.compareAndSet(false, true)) {
            if (quietIfReported) {
                return;
            }
            throw new IllegalStateException("stage '" + name() + "' has failed and is closed", f);
        }
        String where = " (on thread " + worker.getName() + ")";
        if (f instanceof StageException se) {
            throw new StageException(se.stage(), se.getMessage() + where, f);
        }
        throw new StageException(name(), "stage '" + name() + "' failed: " + f + where, f);
    }

    @Override
    public String toString() {
        return "Threaded[" + name() + (isClosed() ? ", closed]" : "]");
    }
}
