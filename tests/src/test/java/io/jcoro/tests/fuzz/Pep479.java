package io.jcoro.tests.fuzz;

import java.util.NoSuchElementException;

/**
 * The reference's model of PEP 479 (issue 10, item 7), in one place so that it is easy to adjust
 * to what jcoro settles on: a {@code NoSuchElementException} (jcoro's {@code StopIteration}
 * included) that escapes a generator's body, whether raised in it or thrown in (a just-created
 * generator included), comes out of the driver's call as an {@code IllegalStateException} with
 * {@link #MESSAGE} and the original as its cause, as CPython's
 * {@code RuntimeError: generator raised StopIteration}. Without it the caller would take the
 * exception for the generator's normal end.
 */
final class Pep479 {
    /** The message of the exception an escaping StopIteration becomes. */
    static final String MESSAGE = "generator raised StopIteration";

    private Pep479() {
    }

    /**
     * @param escaped what left the body
     * @return what the driver's call throws
     */
    static Throwable converted(Throwable escaped) {
        if (escaped instanceof NoSuchElementException) {
            return new IllegalStateException(MESSAGE, escaped);
        }
        return escaped;
    }

    /**
     * @param t an exception the driver got
     * @return whether it is the conversion: the transcript shows its cause, not where it was made
     */
    static boolean isConversion(Throwable t) {
        return t instanceof IllegalStateException && MESSAGE.equals(t.getMessage()) && t.getCause() != null;
    }
}
