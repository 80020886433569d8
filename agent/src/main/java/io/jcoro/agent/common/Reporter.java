package io.jcoro.agent.common;

/**
 * Where the passes report what they did to a class: the agent's log ({@code AgentLog}) in every
 * front-end. An interface here, in the leaf package, so that the passes need not import the
 * front-ends' package above them.
 */
public interface Reporter {
    /** @param message a refusal, naming class, method and line */
    void refused(String message);

    /**
     * @param owner internal name of the class
     * @param method method name
     * @param points number of suspension points
     */
    void instrumented(String owner, String method, int points);

    /** @param message a note for verbose mode */
    void info(String message);
}
