package io.jcoro.agent;

import io.jcoro.agent.contract.RuntimeNames;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's entry points: {@code -javaagent:jcoro-agent.jar} ({@link #premain}), attach at run
 * time ({@link #agentmain}), and {@code Jcoro.install()}'s self-attach
 * ({@link #installDynamically}). Starting twice is a no-op. Nothing here throws: an agent that
 * fails to start reports it and leaves the program running (coroutines will then say that the
 * agent is not installed).
 */
public final class JcoroAgent {
    private static boolean started;

    private JcoroAgent() {
    }

    /**
     * {@code -javaagent} entry.
     *
     * @param args agent options (see {@link AgentConfig})
     * @param instrumentation the JVM's instrumentation
     */
    public static void premain(String args, Instrumentation instrumentation) {
        start(args, instrumentation, false);
    }

    /**
     * Attach entry: also instruments the classes loaded before.
     *
     * @param args agent options (see {@link AgentConfig})
     * @param instrumentation the JVM's instrumentation
     */
    public static void agentmain(String args, Instrumentation instrumentation) {
        start(args, instrumentation, true);
    }

    /**
     * Called by {@code Jcoro.install()} once it holds an {@link Instrumentation}.
     *
     * @param instrumentation the JVM's instrumentation
     */
    public static void installDynamically(Instrumentation instrumentation) {
        start(null, instrumentation, true);
    }

    private static synchronized void start(String args, Instrumentation instrumentation, boolean attached) {
        if (started) {
            return;
        }
        AgentConfig config = AgentConfig.parse(args);
        AgentLog log = new AgentLog(config.log(), System.err);
        try {
            CoroutineTransformer transformer = new CoroutineTransformer(config, log);
            LoadedClasses loaded = new LoadedClasses(instrumentation, transformer.instrumenter());
            List<Class<?>> before = attached ? loaded.needingTransform() : List.of();
            instrumentation.addTransformer(transformer, true);
            started = true;
            System.setProperty(RuntimeNames.INSTALLED_PROPERTY, version());
            if (attached) {
                List<Class<?>> candidates = new ArrayList<>(before);
                candidates.addAll(loaded.loadedSince());
                retransform(instrumentation, candidates, log);
            }
        } catch (Throwable t) {
            System.err.println("[jcoro] the agent could not start: " + t);
        }
    }

    private static String version() {
        String v = JcoroAgent.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Classes loaded before the agent (the main class with its lambdas, say) are transformed in
     * place; the method bodies change, nothing else, as retransformation requires.
     */
    private static void retransform(Instrumentation instrumentation, List<Class<?>> candidates, AgentLog log) {
        if (candidates.isEmpty()) {
            return;
        }
        try {
            instrumentation.retransformClasses(candidates.toArray(new Class<?>[0]));
        } catch (UnmodifiableClassException | RuntimeException | LinkageError batchFailed) {
            for (Class<?> c : candidates) {
                try {
                    instrumentation.retransformClasses(c);
                } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
                    log.failed(c.getName(), e);
                }
            }
        }
        log.info("re-transformed " + candidates.size() + " classes loaded before the agent");
    }
}
