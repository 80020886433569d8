package io.jcoro.agent;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The agent's options, from {@code -javaagent:jcoro-agent.jar=OPTIONS} (comma-separated) or the
 * matching system properties:
 * <ul>
 *   <li>{@code log=quiet|errors|verbose} ({@code -Djcoro.log}): what to report; default errors.
 *   <li>{@code dump=DIR} ({@code -Djcoro.dump}): write every transformed class file under DIR,
 *       for {@code javap} and bug reports, and the code of any method whose instrumented code
 *       fails verification ({@code DIR/pkg/Cls.method.verify.txt}).
 * </ul>
 *
 * @param log the log level
 * @param dumpDirectory where to write transformed classes, or null
 */
public record AgentConfig(AgentLog.Level log, Path dumpDirectory) {

    /**
     * @param agentArgs the agent argument string, may be null
     * @return the options, arguments overriding system properties
     */
    public static AgentConfig parse(String agentArgs) {
        String log = System.getProperty("jcoro.log", "errors");
        String dump = System.getProperty("jcoro.dump");
        if (agentArgs != null) {
            for (String option : agentArgs.split(",")) {
                String o = option.trim();
                if (o.startsWith("log=")) {
                    log = o.substring(4);
                } else if (o.startsWith("dump=")) {
                    dump = o.substring(5);
                } else if (!o.isEmpty()) {
                    System.err.println("[jcoro] unknown agent option ignored: " + o);
                }
            }
        }
        AgentLog.Level level;
        try {
            level = AgentLog.Level.valueOf(log.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("[jcoro] unknown log level " + log + ", using errors");
            level = AgentLog.Level.ERRORS;
        }
        return new AgentConfig(level, dump == null ? null : Paths.get(dump));
    }
}
