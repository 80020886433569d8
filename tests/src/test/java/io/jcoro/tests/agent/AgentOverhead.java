package io.jcoro.tests.agent;

import io.jcoro.agent.AgentLog;
import io.jcoro.agent.ClassInstrumenter;
import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.identify.Prefilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the agent costs, for {@code tests/agent-overhead} (run with and without
 * {@code -javaagent}; each mode prints one line):
 * <ul>
 *   <li>{@code hello}: prints hello (the script times the whole JVM);
 *   <li>{@code load}: loads every class of Guava, Jackson and commons-lang3 in a fresh loader and
 *       prints the time it took;
 *   <li>{@code transform}: times the instrumenter alone, warm: per coroutine class of the samples
 *       and tests, and the prefilter per library class (what every non-coroutine class costs).
 * </ul>
 */
public final class AgentOverhead {
    private AgentOverhead() {
    }

    /**
     * @param args the mode
     * @throws Exception if a measurement fails
     */
    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "hello" : args[0]) {
            case "load":
                load();
                break;
            case "transform":
                transform();
                break;
            default:
                System.out.println("hello");
        }
    }

    private static void load() throws IOException {
        List<String> names = new ArrayList<>();
        for (Path jar : LibraryClasses.jars()) {
            for (String entry : LibraryClasses.classFiles(jar).keySet()) {
                if (LibraryClasses.className(entry) != null) {
                    names.add(LibraryClasses.className(entry));
                }
            }
        }
        long t0 = System.nanoTime();
        int loaded = 0;
        try (URLClassLoader loader = new URLClassLoader(LibraryClasses.urls(), ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // counted as not loaded
                }
            }
        }
        System.out.printf("load: %d classes in %.1f ms%n", loaded, (System.nanoTime() - t0) / 1e6);
    }

    private static void transform() throws IOException, URISyntaxException {
        ClassInstrumenter instrumenter = new ClassInstrumenter(
                new AgentLog(AgentLog.Level.QUIET, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        ClassLoader loader = AgentOverhead.class.getClassLoader();
        List<byte[]> coroutineClasses = new ArrayList<>();
        for (Path root : List.of(classesOf(AgentOverhead.class), classesOf(io.jcoro.samples.Samples.class))) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                    byte[] bytes = Files.readAllBytes(p);
                    if (instrumenter.instrument(loader, bytes) != null) {
                        coroutineClasses.add(bytes);
                    }
                }
            }
        }
        List<byte[]> libraryClasses = new ArrayList<>();
        for (Path jar : LibraryClasses.jars()) {
            for (Map.Entry<String, byte[]> e : LibraryClasses.classFiles(jar).entrySet()) {
                libraryClasses.add(e.getValue());
            }
        }
        ClassInfoRepository repository = ClassInfoRepository.forLoader(loader);
        double perCoroutineClass = 0;
        double perLibraryClass = 0;
        for (int round = 0; round < 10; round++) { // the last rounds are warm
            long t0 = System.nanoTime();
            for (byte[] b : coroutineClasses) {
                instrumenter.instrument(loader, b);
            }
            long t1 = System.nanoTime();
            for (byte[] b : libraryClasses) {
                Prefilter.isCandidate(b, repository);
            }
            long t2 = System.nanoTime();
            perCoroutineClass = (t1 - t0) / 1e3 / coroutineClasses.size();
            perLibraryClass = (t2 - t1) / 1e3 / libraryClasses.size();
        }
        System.out.printf("transform: %.0f us per coroutine class (%d classes), %.2f us per library class"
                + " in the prefilter (%d classes)%n", perCoroutineClass, coroutineClasses.size(), perLibraryClass,
                libraryClasses.size());
    }

    private static Path classesOf(Class<?> c) throws URISyntaxException, IOException {
        Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isDirectory(p) ? p : FileSystems.newFileSystem(p).getPath("/");
    }
}
