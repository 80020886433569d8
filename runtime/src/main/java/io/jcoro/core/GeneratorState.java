package io.jcoro.core;

/** The life cycle of a {@link Generator}, as Python's {@code inspect.getgeneratorstate}. */
public enum GeneratorState {
    /** Created, body not started: the first {@code next()} starts it. */
    CREATED,
    /** Executing now, on some thread; advancing it again is an error. */
    RUNNING,
    /** Suspended at a yield, waiting to be advanced. */
    SUSPENDED,
    /** Finished: returned, threw, or was closed. Advancing it throws {@link StopIteration}. */
    CLOSED
}
