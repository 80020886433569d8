package io.jcoro.core;

/**
 * Raised at the suspension point of a generator that is being {@linkplain Generator#close()
 * closed}, so that its {@code finally} blocks and handlers run, as Python's {@code GeneratorExit}.
 *
 * <p>It is an {@link Error}, as Python's is a {@code BaseException}: an ordinary
 * {@code catch (Exception e)} around a yield does not swallow it. A body may catch it to clean
 * up, but must then finish (return or throw); yielding again makes {@code close()} fail with
 * "generator ignored GeneratorExit".
 */
public class GeneratorExit extends Error {
    private static final long serialVersionUID = 1L;

    /** Creates the close signal. */
    public GeneratorExit() {
        super("generator closed", null, false, false);
    }

    /**
     * Creates a close signal with a message.
     *
     * @param message why the generator is being closed
     */
    public GeneratorExit(String message) {
        super(message, null, false, false);
    }
}
