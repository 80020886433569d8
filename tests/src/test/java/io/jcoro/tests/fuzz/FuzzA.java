package io.jcoro.tests.fuzz;

/** An exception generated programs throw and catch; {@link FuzzB} extends it. */
public class FuzzA extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the message, compared in transcripts */
    public FuzzA(String message) {
        super(message);
    }
}
