package io.jcoro.flow;

/**
 * A stage of a push pipeline failed: its body threw while handling an item (or while closing).
 * The exception reaches whoever sent into the pipeline, names the stage that failed
 * ({@link #stage()}) and carries the original exception as its cause. By the time the sender
 * sees it, the failed stage and everything downstream of it have been closed.
 */
public class StageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Item descriptions are cut to this length in messages. */
    private static final int ITEM_TEXT = 60;

    /** The name of the stage that failed. */
    private final String stage;

    /**
     * Creates the exception.
     *
     * @param stage   the name of the stage that failed
     * @param message the full message
     * @param cause   what the stage threw
     */
    public StageException(String stage, String message, Throwable cause) {
        super(message, cause);
        this.stage = stage;
    }

    /**
     * The exception for a stage whose body threw on an item.
     *
     * @param stage the stage's name
     * @param item  the item it was handling
     * @param cause what it threw
     * @return the exception to throw to the sender
     */
    public static StageException failedOn(String stage, Object item, Throwable cause) {
        return new StageException(stage, "stage '" + stage + "' failed on " + describe(item) + ": "
                + cause, cause);
    }

    /**
     * The exception for a stage whose body threw before its first receive.
     *
     * @param stage the stage's name
     * @param cause what it threw
     * @return the exception to throw to whoever built the stage
     */
    public static StageException failedStarting(String stage, Throwable cause) {
        return new StageException(stage, "stage '" + stage + "' failed before its first receive: "
                + cause, cause);
    }

    /**
     * The exception for a stage whose body threw while it was being closed.
     *
     * @param stage the stage's name
     * @param cause what it threw
     * @return the exception to throw to the closer
     */
    public static StageException failedClosing(String stage, Throwable cause) {
        return new StageException(stage, "stage '" + stage + "' failed while closing: " + cause, cause);
    }

    /** @return the name of the stage that failed */
    public String stage() {
        return stage;
    }

    /**
     * Describes an item for an error message: a string is stripped and quoted, anything else
     * is its {@code String.valueOf}; the result is cut to 60 characters, ending in {@code "..."}
     * when cut.
     *
     * @param item an item, possibly null
     * @return a short description of it for messages
     */
    public static String describe(Object item) {
        String text = item instanceof String s ? '"' + s.strip() + '"' : String.valueOf(item);
        return text.length() <= ITEM_TEXT ? text : text.substring(0, ITEM_TEXT - 3) + "...";
    }
}
