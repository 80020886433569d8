package io.jcoro.agent;

import io.jcoro.agent.common.Reporter;
import java.io.PrintStream;

/**
 * The agent's voice: one line per event on standard error, prefixed {@code [jcoro]}. Refusals
 * and failures always print (unless quiet); instrumented classes print when verbose. The
 * build-time front-ends ({@code io.jcoro.agent.weave}) extend it to collect refusals per class.
 */
public class AgentLog implements Reporter {
    /** How much to say. */
    public enum Level { QUIET, ERRORS, VERBOSE }

    private final Level level;
    private final PrintStream out;

    public AgentLog(Level level, PrintStream out) {
        this.level = level;
        this.out = out;
    }

    /** @param message a refusal, naming class, method and line */
    @Override
    public void refused(String message) {
        if (level != Level.QUIET) {
            out.println("[jcoro] " + message);
        }
    }

    /** @param message a problem that leaves classes uninstrumented, printed unless quiet */
    public void error(String message) {
        if (level != Level.QUIET) {
            out.println("[jcoro] " + message);
        }
    }

    /**
     * A class that could not be transformed at all: it is left as it was.
     *
     * @param className internal name
     * @param error what went wrong
     */
    public void failed(String className, Throwable error) {
        if (level != Level.QUIET) {
            out.println("[jcoro] left " + className.replace('/', '.') + " uninstrumented: " + error);
        }
    }

    /**
     * @param owner internal name of the class
     * @param method method name
     * @param points number of suspension points
     */
    @Override
    public void instrumented(String owner, String method, int points) {
        if (level == Level.VERBOSE) {
            out.println("[jcoro] instrumented " + owner.replace('/', '.') + "." + method + " ("
                    + points + " suspension point" + (points == 1 ? ")" : "s)"));
        }
    }

    /** @param message a note for verbose mode */
    @Override
    public void info(String message) {
        if (level == Level.VERBOSE) {
            out.println("[jcoro] " + message);
        }
    }
}
