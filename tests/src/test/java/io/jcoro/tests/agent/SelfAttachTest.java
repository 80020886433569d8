package io.jcoro.tests.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Self-attach re-transforms the classes loaded before the agent, and a method running at that
 * moment loses its line numbers for the rest of that call (the JVM's limit). Only classes with
 * coroutine code are re-transformed, so a main class without any keeps its line numbers. A
 * method reference that running method makes to a coroutine of another class still works: the
 * agent keeps the link it inserted, though the inserted call never runs.
 */
@Tag("needs-agent") // it tests attaching the agent
class SelfAttachTest {

    @Test
    void aMainClassWithoutCoroutinesKeepsItsLineNumbers() throws Exception {
        String out = runWithoutAgentFlag(SelfAttachDemo.class);
        List<String> lines = out.lines().filter(l -> !l.startsWith("WARNING")).toList();
        String demo = "io.jcoro.tests.agent.SelfAttachDemo";
        assertEquals(List.of(
                "before " + demo + ".main(SelfAttachDemo.java:15)",
                // run() was running when its class was re-transformed: the JVM drops its lines
                "yielded 1 " + demo + "$Coroutines.run(Unknown Source) <- " + demo + ".main(SelfAttachDemo.java:16)",
                "after " + demo + ".main(SelfAttachDemo.java:17)",
                "yielded 1 " + demo + "$Coroutines.run(SelfAttachDemo.java:37) <- " + demo + ".main(SelfAttachDemo.java:18)"),
                lines, out);
    }

    @Test
    void aReferenceMadeInTheRunningMainMethodIsLinked() throws Exception {
        String out = runWithoutAgentFlag(SelfAttachReferenceDemo.class);
        assertEquals(List.of("hello ann", "bye ann"), out.lines().filter(l -> !l.startsWith("WARNING")).toList(), out);
    }

    /** Runs {@code main} in a child JVM on this class path, no agent flag; @return its output */
    private static String runWithoutAgentFlag(Class<?> main) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+EnableDynamicAgentLoading",
                "-cp", System.getProperty("java.class.path"), main.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
