package io.jcoro.core;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Installs the jcoro agent into the running JVM, for programs started without
 * {@code -javaagent:jcoro-agent.jar}.
 *
 * <p>{@link Generator} and {@link Sink} call {@link #install()} on first use unless the system
 * property {@code jcoro.autoInstall} is {@code false}, so a program with {@code jcoro-agent}
 * on its class path needs nothing more: classes loaded before the install (the main class with
 * its lambdas, say) are re-transformed in place.
 */
public final class Jcoro {
    /** Set by the agent when it starts; its value is the agent's version. */
    public static final String INSTALLED_PROPERTY = "jcoro.agent.installed";
    private static final String AGENT_CLASS = "io.jcoro.agent.JcoroAgent";

    private Jcoro() {
    }

    /** @return whether the agent is active in this JVM */
    public static boolean isInstalled() {
        return System.getProperty(INSTALLED_PROPERTY) != null;
    }

    /**
     * Attaches the agent to this JVM if it is not active yet, and instruments the classes
     * already loaded. Safe to call more than once.
     *
     * @throws IllegalStateException if jcoro-agent is not on the class path or this JVM does
     *                               not allow attaching an agent
     */
    public static synchronized void install() {
        if (isInstalled()) {
            return;
        }
        Class<?> agent;
        try {
            agent = Class.forName(AGENT_CLASS, true, Jcoro.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot install jcoro: io.jcoro:jcoro-agent is not on"
                    + " the class path (add the dependency, or run with -javaagent:jcoro-agent.jar)", e);
        }
        Instrumentation instrumentation;
        try {
            instrumentation = ByteBuddyAgent.install();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot attach the jcoro agent to this JVM (" + e
                    + "); run with -javaagent:jcoro-agent.jar instead", e);
        }
        try {
            agent.getMethod("installDynamically", Instrumentation.class).invoke(null, instrumentation);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new IllegalStateException("cannot start the jcoro agent: " + cause, e);
        }
    }

    /** First use of Generator or Sink: install unless told not to; report, never fail. */
    static void autoInstall() {
        if (isInstalled() || "false".equals(System.getProperty("jcoro.autoInstall"))) {
            return;
        }
        try {
            install();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("[jcoro] " + e.getMessage());
        }
    }
}
