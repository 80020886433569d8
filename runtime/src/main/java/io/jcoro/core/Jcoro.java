package io.jcoro.core;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Installs the jcoro agent into the running JVM, for programs started without
 * {@code -javaagent:jcoro-agent.jar} and not woven at build time.
 *
 * <p>The first use of {@link Generator} calls {@link #install()} unless the program is woven
 * or the system property {@code jcoro.autoInstall} is {@code false}, so a program with
 * {@code jcoro-agent} on its class path needs nothing more: classes loaded before the install
 * (the main class with its lambdas, say) are re-transformed in place.
 *
 * <p>The program counts as woven when a class on the stack of that first use, outside the
 * runtime's own packages, carries {@link Woven}: weaving marks every class it processes, so any
 * class of a woven module counts. A woven program runs without an agent, and none is attached
 * behind its back. A program that mixes woven libraries with unwoven code of its own sets
 * {@code -Djcoro.autoInstall=true}: the agent is then attached even though woven code is seen
 * (it leaves the woven classes alone).
 */
public final class Jcoro {
    /** Set by the agent when it starts; its value is the agent's version. */
    public static final String INSTALLED_PROPERTY = "jcoro.agent.installed";
    /**
     * Set by the agent when the runtime it finds implements another contract than its own; its
     * value says so, naming both versions, and becomes the message of the first suspension in
     * the code the agent therefore left uninstrumented.
     */
    public static final String CONTRACT_MISMATCH_PROPERTY = "jcoro.agent.contractMismatch";
    /**
     * The version of the contract between generated code and this runtime (the entry points and
     * stamps generated code uses); the agent's {@code RuntimeNames.CONTRACT_VERSION} must equal
     * it, and woven classes record it in {@link Woven#contract()}. Code woven for another
     * contract refuses to initialize, and the agent leaves classes uninstrumented under a
     * runtime of another contract, each with one message naming both versions.
     */
    public static final int CONTRACT_VERSION = io.jcoro.core.internal.Contract.VERSION;
    private static final String AGENT_CLASS = "io.jcoro.agent.JcoroAgent";
    private static final String ATTACHER = "net.bytebuddy.agent.ByteBuddyAgent";
    /** Whether woven code was on the stack at the first use of Generator (see the class comment). */
    private static volatile boolean wovenProgram;
    /** The runtime's packages: their woven classes say nothing about the program's. */
    private static final String[] RUNTIME_PACKAGES = {"io.jcoro.core.", "io.jcoro.flow.", "io.jcoro.sched.",
        "io.jcoro.xml.", "io.jcoro.bridge.", "io.jcoro.net.", "io.jcoro.primitive."};

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
        // Found by name: byte-buddy-agent is optional, needed only here (jcoro-agent brings it).
        Method attach;
        try {
            attach = Class.forName(ATTACHER, true, Jcoro.class.getClassLoader()).getMethod("install");
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException("cannot install jcoro: self-attach needs"
                    + " net.bytebuddy:byte-buddy-agent on the class path (jcoro-agent brings it),"
                    + " or run with -javaagent:jcoro-agent.jar", e);
        }
        Instrumentation instrumentation;
        try {
            instrumentation = (Instrumentation) attach.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new IllegalStateException("cannot attach the jcoro agent to this JVM (" + cause
                    + "); run with -javaagent:jcoro-agent.jar instead", e);
        }
        try {
            agent.getMethod("installDynamically", Instrumentation.class).invoke(null, instrumentation);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new IllegalStateException("cannot start the jcoro agent: " + cause, e);
        }
    }

    /** First use of Generator: install unless told not to or woven; report, never fail. */
    static void autoInstall() {
        if (isInstalled()) {
            return;
        }
        wovenProgram = calledFromWovenCode();
        String mode = System.getProperty("jcoro.autoInstall", "");
        if (mode.equals("false") || wovenProgram && !mode.equals("true")) {
            return;
        }
        try {
            install();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("[jcoro] " + e.getMessage());
        }
    }

    /** @return whether the program was found woven at the first use of Generator */
    static boolean isWovenProgram() {
        return wovenProgram;
    }

    /**
     * @return whether a class on the current stack, outside the runtime, was woven at build time
     */
    static boolean calledFromWovenCode() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> !isRuntimeClass(c.getName()))
                .anyMatch(Jcoro::isWoven));
    }

    /**
     * @param c a class
     * @return whether it was woven at build time
     */
    public static boolean isWoven(Class<?> c) {
        return c.isAnnotationPresent(Woven.class);
    }

    private static boolean isRuntimeClass(String name) {
        for (String p : RUNTIME_PACKAGES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
