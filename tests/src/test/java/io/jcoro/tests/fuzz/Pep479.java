package io.jcoro.tests.fuzz;

import java.util.NoSuchElementException;

/**
 * The reference's model of PEP 479 (issue 10, item 7), in one place so that it is easy to adjust
 * to what jcoro settles on: a {@code NoSuchElementException} (jcoro's {@code StopIteration}
 * included) that escapes a generator's body, whether raised in it or thrown in (a just-created
 * generator included), comes out of the driver's call as an {@code IllegalStateException} whose message
 * is {@link #MESSAGE} and the exception's class name ({@code StopIteration} for jcoro's), with
 * the original as its cause, as CPython's
 * {@code RuntimeError: generator raised StopIteration}. Without it the caller would take the
 * exception for the generator's normal end.
 */
final class Pep479 {
    /** How the message of the exception an escaping StopIteration becomes starts. */
    static final String MESSAGE = "generator raised ";

    private Pep479() {
    }

    /**
     * @param escaped what left the body
     * @return what the driver's call throws
     */
    static Throwable converted(Throwable escaped) {
        if (escaped instanceof NoSuchElementException) {
            // jcoro names the class: StopIteration for its own, the JDK's name otherwise
            String name = escaped.getClass().getName().endsWith(".StopIteration") ? "StopIteration"
                    : escaped.getClass().getSimpleName();
            return new IllegalStateException(MESSAGE + name, escaped);
        }
        return escaped;
    }

    /**
     * @param t an exception the driver got
     * @return whether it is the conversion: the transcript shows its cause, not where it was made
     */
    static boolean isConversion(Throwable t) {
        return t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().startsWith(MESSAGE)
                && t.getCause() instanceof NoSuchElementException;
    }
}
