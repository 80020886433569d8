package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.agent.AgentLog;
import io.jcoro.agent.ClassInstrumenter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Every class the agent transforms in this project (tests, samples, the library layers) passes
 * ASM's CheckClassAdapter with data-flow verification; the JVM verifier checks them too, as it
 * loads them in the other tests.
 */
class VerifiedOutputTest {

    @Test
    void everyTransformedClassVerifies() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ClassInstrumenter instrumenter = new ClassInstrumenter(
                new AgentLog(AgentLog.Level.QUIET, new PrintStream(log, true, StandardCharsets.UTF_8)));
        ClassLoader loader = getClass().getClassLoader();
        List<String> failures = new ArrayList<>();
        int transformed = 0;
        for (Path root : List.of(classesOf(VerifiedOutputTest.class), classesOf(io.jcoro.samples.Samples.class),
                classesOf(io.jcoro.core.Generator.class))) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> p.toString().endsWith(".class")).toList();
            }
            for (Path file : files) {
                byte[] out = instrumenter.instrument(loader, Files.readAllBytes(file));
                if (out == null) {
                    continue;
                }
                transformed++;
                StringWriter report = new StringWriter();
                CheckClassAdapter.verify(new ClassReader(out), loader, false, new PrintWriter(report));
                if (!report.toString().isEmpty()) {
                    failures.add(file + ":\n" + report);
                }
            }
        }
        assertTrue(transformed > 30, "transformed only " + transformed);
        assertEquals(List.of(), failures);
    }

    private static Path classesOf(Class<?> c) throws URISyntaxException, IOException {
        Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isDirectory(p) ? p : java.nio.file.FileSystems.newFileSystem(p).getPath("/");
    }
}
