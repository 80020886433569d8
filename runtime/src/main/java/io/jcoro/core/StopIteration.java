package io.jcoro.core;

import java.util.NoSuchElementException;

/**
 * Thrown when a generator is advanced ({@code next}, {@code send}, {@code throwIn}) and its body
 * returns instead of yielding, or when it is advanced after it has finished; Python's
 * {@code StopIteration}. It is a {@link NoSuchElementException}, so a generator honours the
 * {@link java.util.Iterator} contract.
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
     * had already finished before.
     *
     * @param <R> the expected type of the value
     * @return the return value
     */
    @SuppressWarnings("unchecked")
    public <R> R value() {
        return (R) value;
    }
}
