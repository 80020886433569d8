package io.jcoro.core;

import java.util.NoSuchElementException;

/**
 * Thrown when a generator is advanced ({@code next}, {@code send}, {@code throwIn}) and its body
 * returns instead of yielding, or when it is advanced after it has finished; Python's
 * {@code StopIteration}. It is a {@link NoSuchElementException}, so a generator honours the
 * {@link java.util.Iterator} contract. As in Python since PEP 479, one that escapes a generator
 * body does not end that generator quietly: it comes out as an {@link IllegalStateException}
 * ("generator raised StopIteration") with it as the cause.
 */
public class StopIteration extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    private final transient Object value;

    /**
     * Creates the signal.
     *
     * @param message what finished
     * @param value   the body's return value, or {@code null}
     */
    public StopIteration(String message, Object value) {
        super(message);
        this.value = value;
    }

    /**
     * Returns the value the body returned on this advance, {@code null} if it returned none or
     * had already finished before. An {@code Object}, as {@link Generator#returnValue()} and for
     * the same reason: cast it, or use {@link #value(Class)}.
     *
     * @return the return value
     */
    public Object value() {
        return value;
    }

    /**
     * The {@link #value()}, checked to be of {@code type}.
     *
     * @param type the class of the expected value (a wrapper class for a primitive)
     * @param <R>  its type
     * @return the return value, or {@code null}
     * @throws ClassCastException if the value is not a {@code type}
     */
    public <R> R value(Class<R> type) {
        return type.cast(value);
    }
}
