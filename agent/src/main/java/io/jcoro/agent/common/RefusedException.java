package io.jcoro.agent.common;

/** A coroutine method cannot be instrumented; the message says why, naming the line. */
public final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
        super(message, null, false, false);
    }
}
