package io.jcoro.core;

/**
 * A suspension was attempted where jcoro cannot suspend: from a method that the agent did not
 * instrument (it lacks {@link Coroutine}, or the agent is not installed, or the agent refused the
 * method and said why), or through such a method. The message names the frame.
 */
public class NotInstrumentedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was not instrumented, where, and what to do
     */
    public NotInstrumentedException(String message) {
        super(message);
    }
}
