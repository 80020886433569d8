package io.jcoro.bridge;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the command for a child JVM that runs a main class of this program, with the same
 * Java, the same class path and the jcoro agent: the subprocess of the course's coprocess.
 *
 * <p>The agent is passed as {@code -javaagent:} when its jar can be found: the system property
 * {@code jcoro.agentJar}, else this JVM's own {@code -javaagent} option for jcoro, else the jar
 * {@code io.jcoro.agent.JcoroAgent} was loaded from. Otherwise the child attaches the agent
 * itself on first use, as this JVM may have done.
 */
public final class ChildJvm {
    /** Allows a child to attach the agent itself on JDK 21+, and is ignored by JDK 17. */
    private static final List<String> AGENT_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "-XX:+EnableDynamicAgentLoading");

    private ChildJvm() {
    }

    /**
     * @param jvmOptions options for the child JVM, such as {@code -Xmx64m}
     * @param mainClass  the class whose {@code main} the child runs
     * @param args       its arguments
     * @return a process builder for the child (standard streams are pipes, as by default)
     */
    public static ProcessBuilder command(List<String> jvmOptions, Class<?> mainClass, String... args) {
        Objects.requireNonNull(mainClass, "mainClass");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(AGENT_FLAGS);
        String agent = agentJar();
        if (agent != null) {
            command.add("-javaagent:" + agent);
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /**
     * @param mainClass the class whose {@code main} the child runs
     * @param args      its arguments
     * @return a process builder for the child
     */
    public static ProcessBuilder command(Class<?> mainClass, String... args) {
        return command(List.of(), mainClass, args);
    }

    /** @return the path of the jcoro agent jar, or null if it cannot be found */
    public static String agentJar() {
        String property = System.getProperty("jcoro.agentJar");
        if (property != null && Files.isRegularFile(Path.of(property))) {
            return property;
        }
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-javaagent:") && arg.contains("jcoro")) {
                String jar = arg.substring("-javaagent:".length());
                int options = jar.indexOf('=');
                return options < 0 ? jar : jar.substring(0, options);
            }
        }
        try {
            Class<?> agent = Class.forName("io.jcoro.agent.JcoroAgent", false, ChildJvm.class.getClassLoader());
            CodeSource source = agent.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path path = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(path)) {
                    return path.toString();
                }
            }
        } catch (ClassNotFoundException | URISyntaxException | SecurityException e) {
            // no jar to name: the child attaches the agent itself
        }
        return null;
    }
}
