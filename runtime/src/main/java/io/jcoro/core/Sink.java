package io.jcoro.core;

import java.util.function.Consumer;

/**
 * A push-style consumer coroutine, already started: the course's {@code @coroutine} decorator.
 * Its body loops on {@link Co#receive()}; {@link #send(Object)} hands it one item and runs it
 * to its next receive.
 *
 * <pre>{@code
 * Sink<String> grep = Sink.of(() -> {
 *     System.out.println("Looking for python");
 *     while (true) {
 *         String line = Co.receive();
 *         if (line.contains("python")) System.out.println(line);
 *     }
 * });
 * grep.send("python generators rock!");
 * grep.close();
 * }</pre>
 *
 * <p>{@link #close()} raises {@link GeneratorExit} at the receive, so the body's
 * {@code finally} blocks run. A body may also finish by returning; sending to a finished sink
 * is an error. The body may throw checked exceptions ({@link CoRunnable}); they come out of
 * {@code send}, {@code throwIn} or {@code close} unchanged. A sink is also a {@link Consumer},
 * so it plugs into {@code forEach}.
 *
 * @param <T> the type of the items it receives
 */
public final class Sink<T> implements Consumer<T>, AutoCloseable {
    private final Generator<?> generator;

    private Sink(Generator<?> generator) {
        this.generator = generator;
    }

    /**
     * Creates a sink and runs its body to the first {@link Co#receive()}.
     *
     * @param body the consumer body
     * @param <T>  the type of the items it receives
     * @return the primed sink
     */
    public static <T> Sink<T> of(CoRunnable body) {
        Generator<?> g = Generator.of(body);
        g.step(null);
        return new Sink<>(g);
    }

    /**
     * Delivers one item: the pending {@code Co.receive()} returns it, and the body runs to its
     * next receive (or finishes). Exceptions from the body propagate here and finish the sink.
     *
     * @param item the item
     * @throws IllegalStateException if the sink has finished or is executing
     */
    public void send(T item) {
        if (generator.step(item) == Generator.EXHAUSTED) {
            throw new IllegalStateException("sink has finished; cannot send " + item);
        }
    }

    /** Same as {@link #send(Object)}. */
    @Override
    public void accept(T item) {
        send(item);
    }

    /**
     * Raises {@code error} at the pending receive, as {@link Generator#throwIn(Throwable)}; the
     * body may handle it and go on receiving, or return (the sink is then finished, as after
     * {@link #close()}). An exception the body lets escape comes out here and finishes the sink;
     * a {@link java.util.NoSuchElementException} does so as an {@link IllegalStateException}
     * (PEP 479). Into a finished sink, {@code error} itself is thrown.
     *
     * @param error the exception to raise inside the body
     */
    public void throwIn(Throwable error) {
        generator.stepThrowing(error); // the value yielded, or the body returned: nothing to report
    }

    /**
     * Closes the sink: raises {@link GeneratorExit} at the pending receive so that the body's
     * {@code finally} blocks run. Does nothing if it has finished.
     */
    @Override
    public void close() {
        generator.close();
    }

    /** @return whether the body has finished */
    public boolean isClosed() {
        return generator.isDone();
    }

    /** @return where the body waits, innermost frame first (see {@link Generator#suspendedFrames()}) */
    public java.util.List<StackTraceElement> suspendedFrames() {
        return generator.suspendedFrames();
    }

    @Override
    public String toString() {
        return "Sink[" + (isClosed() ? "closed" : "open") + "]";
    }
}
