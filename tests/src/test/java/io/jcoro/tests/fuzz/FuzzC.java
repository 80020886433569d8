package io.jcoro.tests.fuzz;

/** An exception unrelated to {@link FuzzA}, for multi-catch clauses. */
public class FuzzC extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the message, compared in transcripts */
    public FuzzC(String message) {
        super(message);
    }
}
