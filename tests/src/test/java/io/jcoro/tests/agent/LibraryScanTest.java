package io.jcoro.tests.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.agent.AgentLog;
import io.jcoro.agent.ClassInstrumenter;
import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.identify.Prefilter;
import io.jcoro.core.Jcoro;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

/**
 * The agent leaves real libraries alone: every class of Guava, Jackson and commons-lang3 (and,
 * through the instrumenter directly, every class of the JDK's modules) is neither altered nor
 * refused, and loads under the live agent with exactly its own bytes.
 */
class LibraryScanTest {
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final ClassInstrumenter instrumenter = new ClassInstrumenter(
            new AgentLog(AgentLog.Level.ERRORS, new PrintStream(logBytes, true, StandardCharsets.UTF_8)));

    /** What the agent's transformer does after its JDK and jcoro exclusions, minus the catch-all. */
    private byte[] transform(ClassLoader loader, byte[] bytes) {
        if (!Prefilter.isCandidate(bytes, ClassInfoRepository.forLoader(loader))) {
            return null;
        }
        return instrumenter.instrument(loader, bytes);
    }

    @Test
    void theInstrumenterLeavesEveryLibraryClassAlone() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        int classes = 0;
        List<String> changed = new ArrayList<>();
        long nanos = 0;
        for (Path jar : LibraryClasses.jars()) {
            for (Map.Entry<String, byte[]> e : LibraryClasses.classFiles(jar).entrySet()) {
                long t0 = System.nanoTime();
                byte[] out = transform(loader, e.getValue());
                nanos += System.nanoTime() - t0;
                classes++;
                if (out != null) {
                    changed.add(e.getKey());
                }
            }
        }
        System.out.printf("library scan: %d classes, %d changed, %.1f us per class in the agent's filter%n",
                classes, changed.size(), nanos / 1000.0 / classes);
        assertEquals(List.of(), changed);
        assertEquals("", logBytes.toString(StandardCharsets.UTF_8), "nothing refused, nothing failed");
        assertTrue(classes > 3000, "too few library classes found: " + classes);
    }

    @Test
    void theInstrumenterLeavesEveryJdkClassAlone() throws IOException {
        // The transformer skips the JDK by loader and name before this; here the filter and the
        // instrumenter see every class of every module anyway, as if those checks were gone.
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        int[] classes = {0};
        List<String> changed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(jrt.getPath("/modules"))) {
            files.filter(p -> p.toString().endsWith(".class") && !p.toString().endsWith("module-info.class"))
                    .forEach(p -> {
                        try {
                            classes[0]++;
                            if (transform(null, Files.readAllBytes(p)) != null) {
                                changed.add(p.toString());
                            }
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
        System.out.printf("JDK scan: %d classes, %d changed%n", classes[0], changed.size());
        assertEquals(List.of(), changed);
        assertEquals("", logBytes.toString(StandardCharsets.UTF_8));
        assertTrue(classes[0] > 15000, "too few JDK classes found: " + classes[0]);
    }

    /**
     * Records, for classes of one loader, whether the bytes after jcoro's transformer differ from
     * every variant in the jars (a multi-release jar holds one per Java version).
     */
    private static final class AlterationCheck implements ClassFileTransformer {
        final Map<String, List<byte[]>> originals = new HashMap<>();
        final Map<String, Boolean> seen = new ConcurrentHashMap<>();
        volatile ClassLoader watched;

        void add(String entry, byte[] bytes) {
            String base = entry.startsWith("META-INF/versions/")
                    ? entry.substring(entry.indexOf('/', "META-INF/versions/".length()) + 1) : entry;
            originals.computeIfAbsent(base.substring(0, base.length() - ".class".length()), k -> new ArrayList<>())
                    .add(bytes);
        }

        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
                                ProtectionDomain domain, byte[] bytes) {
            if (loader != null && loader == watched && className != null) {
                boolean same = false;
                for (byte[] original : originals.getOrDefault(className, List.of())) {
                    same |= Arrays.equals(original, bytes);
                }
                seen.put(className, !same);
            }
            return null;
        }
    }

    @Test
    void everyLibraryClassLoadsUnderTheLiveAgentWithItsOwnBytes() throws Exception {
        Jcoro.install();
        Instrumentation instrumentation = ByteBuddyAgent.install();
        AlterationCheck check = new AlterationCheck();
        List<String> names = new ArrayList<>();
        for (Path jar : LibraryClasses.jars()) {
            for (Map.Entry<String, byte[]> e : LibraryClasses.classFiles(jar).entrySet()) {
                check.add(e.getKey(), e.getValue());
                if (LibraryClasses.className(e.getKey()) != null) {
                    names.add(LibraryClasses.className(e.getKey()));
                }
            }
        }
        // Retransformation-capable transformers run in registration order, after the others:
        // registered after jcoro's, this one sees what jcoro's returned.
        instrumentation.addTransformer(check, true);
        List<String> failed = new ArrayList<>();
        int loaded = 0;
        long t0 = System.nanoTime();
        try (URLClassLoader loader = new URLClassLoader(LibraryClasses.urls(), ClassLoader.getPlatformClassLoader())) {
            check.watched = loader;
            for (String name : names) {
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (Throwable t) {
                    failed.add(name + ": " + t);
                }
            }
        } finally {
            instrumentation.removeTransformer(check);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<String> altered = new ArrayList<>();
        check.seen.forEach((name, differs) -> {
            if (differs) {
                altered.add(name);
            }
        });
        System.out.printf("library load: %d classes loaded under the agent in %d ms, %d failed, %d altered%n",
                loaded, ms, failed.size(), altered.size());
        assertEquals(List.of(), failed);
        assertEquals(List.of(), altered);
        assertEquals(loaded, check.seen.size(), "every class passed through the transformers");
    }
}
