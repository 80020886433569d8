package io.jcoro.tests.fuzz;

/** A subclass of {@link FuzzA}, so that catch clauses of the programs can be ordered. */
public class FuzzB extends FuzzA {
    private static final long serialVersionUID = 1L;

    /** @param message the message, compared in transcripts */
    public FuzzB(String message) {
        super(message);
    }
}
