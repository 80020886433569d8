package io.jcoro.samples;

/**
 * A sample was run in a way it cannot work: a file it cannot read, no input where it needs
 * some. The runner prints the message alone, without a stack trace, and exits with status 2.
 */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and what to do instead
     * @param cause   the failure behind it, or null
     */
    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Runs a sample's main: a usage error is printed without a stack trace, status 2.
     *
     * @param name the sample's name, for the message
     * @param main the sample's body
     */
    public static void reporting(String name, Runnable main) {
        try {
            main.run();
        } catch (UsageException e) {
            System.out.flush();
            System.err.println(name + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
