package io.jcoro.tests.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Self-attach re-transforms the classes loaded before the agent, and a method running at that
 * moment loses its line numbers for the rest of that call (the JVM's limit). Only classes with
 * coroutine code are re-transformed, so a main class without any keeps its line numbers.
 */
class SelfAttachTest {

    @Test
    void aMainClassWithoutCoroutinesKeepsItsLineNumbers() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+EnableDynamicAgentLoading",
                "-cp", System.getProperty("java.class.path"), SelfAttachDemo.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
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
}
