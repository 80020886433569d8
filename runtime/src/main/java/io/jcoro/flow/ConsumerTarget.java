package io.jcoro.flow;

import java.util.function.Consumer;

/**
 * A plain {@link Consumer} as a {@link Target} ({@link Target#of}): sending calls it, closing
 * stops it taking items. What the consumer throws reaches the sender as a
 * {@link StageException} naming it {@code "consumer"}, as a stage's failure does.
 *
 * @param <T> the type of the items
 */
final class ConsumerTarget<T> implements Target<T> {
    private final Consumer<T> consumer;
    private volatile boolean closed;

    ConsumerTarget(Consumer<T> consumer) {
        this.consumer = java.util.Objects.requireNonNull(consumer, "consumer");
    }

    @Override
    public void send(T item) {
        if (closed) {
            throw new IllegalStateException("stage '" + name() + "' is closed; cannot send " + StageException.describe(item));
        }
        try {
            consumer.accept(item);
        } catch (StageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StageException.failedOn(name(), item, e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String name() {
        return "consumer";
    }

    @Override
    public String toString() {
        return "Target[consumer " + consumer + (closed ? ", closed]" : "]");
    }
}
