package io.jcoro.sched;

import java.util.List;

/**
 * The failures of a {@link TaskGroup}'s children, raised in the parent when the group ends:
 * Python's {@code ExceptionGroup} (PEP 654), as trio's nurseries raise it. The first failure is
 * the {@linkplain #getCause() cause}, the others are {@linkplain #getSuppressed() suppressed};
 * {@link #exceptions()} lists them all in the order they happened.
 */
public final class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Throwable> exceptions;

    /**
     * @param message    what failed
     * @param exceptions the failures, at least one, first first
     */
    public ExceptionGroup(String message, List<Throwable> exceptions) {
        super(message + ": " + exceptions.get(0), exceptions.get(0));
        this.exceptions = List.copyOf(exceptions);
        for (int i = 1; i < exceptions.size(); i++) {
            addSuppressed(exceptions.get(i));
        }
    }

    /** @return every failure, in the order they happened */
    public List<Throwable> exceptions() {
        return exceptions;
    }
}
