package io.jcoro.flow;

import io.jcoro.core.CoRunnable;
import io.jcoro.core.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A named push stage: a coroutine that loops on {@link io.jcoro.core.Co#receive()} and usually
 * sends what it makes to the targets it was built with (the course's {@code @coroutine}
 * filters and sinks).
 *
 * <pre>{@code
 * Stage<String> grep = Stage.of("grep python", () -> {
 *     while (true) {
 *         String line = Co.receive();
 *         if (line.contains("python")) target.send(line);
 *     }
 * }, target);
 * }</pre>
 *
 * <p>What the stage adds to a bare {@link Sink}:
 * <ul>
 *   <li>Closing it closes its body (its {@code finally} blocks run) and then the targets it was
 *       built with, so closing the head of a chain closes the whole chain, each stage once. A
 *       stage fed by several others closes when the last of them closes.
 *   <li>If the body throws, the sender gets a {@link StageException} naming this stage (or the
 *       one from further down, unchanged, if that is what the body let through), and the
 *       stage's targets are closed first: a failed pipeline is closed, not half-alive.
 *   <li>Sending to a closed stage is an {@link IllegalStateException} that names it.
 * </ul>
 * Sending into a stage that is executing, from another thread or re-entrantly, fails with the
 * core's {@code IllegalStateException("generator already executing")} and leaves the stage
 * intact: a stage runs on one thread at a time. Use {@code io.jcoro.bridge.Threaded} to hand
 * items between threads.
 *
 * @param <T> the type of the items it receives
 */
public final class Stage<T> implements Target<T> {
    private final String name;
    private final Sink<T> sink;
    private final List<Target<?>> downstream;
    private final AtomicInteger upstreams = new AtomicInteger();
    private final AtomicBoolean released = new AtomicBoolean();

    private Stage(String name, Sink<T> sink, List<Target<?>> downstream) {
        this.name = name;
        this.sink = sink;
        this.downstream = downstream;
    }

    /**
     * Creates a stage and runs its body to its first receive.
     *
     * @param name       the name errors use, such as {@code "grep python"}
     * @param body       the coroutine body: a loop on {@code Co.receive()}
     * @param downstream the targets the body sends to, closed when this stage closes; any
     *                   {@link Consumer} (a core {@link Sink} is closed through
     *                   {@link Target#of}, which the body's sends may go to directly)
     * @param <T>        the type of the items it receives
     * @return the primed stage
     * @throws StageException if the body fails before its first receive
     */
    public static <T> Stage<T> of(String name, CoRunnable body, Consumer<?>... downstream) {
        Objects.requireNonNull(name, "name");
        List<Target<?>> targets = new ArrayList<>(downstream.length);
        for (Consumer<?> c : downstream) {
            targets.add(Target.of(c));
        }
        Sink<T> sink;
        try {
            sink = Sink.of(body);
        } catch (RuntimeException e) {
            throw StageException.failedStarting(name, e);
        }
        for (Target<?> t : targets) {
            t.addUpstream();
        }
        return new Stage<>(name, sink, List.copyOf(targets));
    }

    /** A stage around a sink that is already running, with no downstream: {@link Target#of(Consumer)}. */
    static <T> Stage<T> wrap(String name, Sink<T> sink) {
        return new Stage<>(name, sink, List.of());
    }

    @Override
    public void send(T item) {
        if (sink.isClosed()) {
            throw new IllegalStateException("stage '" + name + "' is closed; cannot send "
                    + StageException.describe(item));
        }
        try {
            sink.send(item);
        } catch (Throwable e) {
            if (!sink.isClosed()) {
                // The body did not run (it is executing elsewhere): the stage is intact.
                throw e;
            }
            if (e instanceof Error err) {
                releaseDownstream(err);
                throw err;
            }
            StageException failure = e instanceof StageException se ? se
                    : StageException.failedOn(name, item, e);
            releaseDownstream(failure);
            throw failure;
        }
        if (sink.isClosed()) {
            // The body returned: nothing more will reach the targets from here.
            releaseDownstream(null);
        }
    }

    /**
     * Closes the body (raising {@code GeneratorExit} at its receive, so its {@code finally}
     * blocks run), then tells each target this stage was built with that it has closed.
     *
     * @throws StageException if the body, or a stage downstream, fails while closing
     */
    @Override
    public void close() {
        RuntimeException failure = null;
        try {
            sink.close();
        } catch (StageException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = StageException.failedClosing(name, e);
        }
        releaseDownstream(failure);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed();
    }

    @Override
    public String name() {
        return name;
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

    /**
     * Tells the targets, once, that this stage has closed. Failures from them are added to
     * {@code failure} if there is one, or else the first is thrown after all were told.
     */
    private void releaseDownstream(Throwable failure) {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        RuntimeException first = null;
        for (Target<?> t : downstream) {
            try {
                t.upstreamClosed();
            } catch (RuntimeException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "Stage[" + name + (isClosed() ? ", closed]" : "]");
    }
}
