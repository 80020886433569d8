package io.jcoro.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.tree.ClassNode;

/**
 * The agent's package graph, as docs/DESIGN.md section 3 draws it: which package may use which.
 * Read, as the runtime's LayeringTest reads its own, from the compiled classes, so that only real
 * references count (comments do not): here every type a class names anywhere, through ASM's
 * remapper. A class file does not name the class of a constant it uses (javac copies the
 * value), so the imports of the sources count too. The graph has no cycle: the front-ends (the root package and weave) sit on the
 * pipeline, the pipeline on its stages, each stage on the ones before it, and everything on the
 * leaf {@code common}.
 */
class PackageGraphTest {
    /** The root package, io.jcoro.agent itself. */
    private static final String ROOT = "(root)";
    /** The catalogue of the runtime's names ({@code RuntimeNames}), a leaf every stage uses. */
    private static final String NAMES = "contract";

    /** package -> the packages it may use. A new package must be added here and to DESIGN.md. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry(ROOT, Set.of("pipeline", "identify", "classinfo", "common", NAMES)),
            Map.entry("weave", Set.of(ROOT, "identify", "classinfo", "common", NAMES)),
            Map.entry("pipeline", Set.of("identify", "prepare", "analyse", "generate", "verify", "classinfo", "common")),
            Map.entry("verify", Set.of("classinfo")),
            Map.entry("generate", Set.of("analyse", "identify", "common", NAMES)),
            Map.entry("analyse", Set.of("prepare", "identify", "classinfo", "common", NAMES)),
            Map.entry("prepare", Set.of("identify", "classinfo", "common")),
            Map.entry("identify", Set.of("classinfo", "common", NAMES)),
            Map.entry("classinfo", Set.of(NAMES)),
            Map.entry("common", Set.of(NAMES)),
            Map.entry(NAMES, Set.of()));

    @Test
    void everyArrowIsInTheGraph() throws Exception {
        Path classes = Paths.get(ClassInstrumenter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path agent = classes.resolve("io/jcoro/agent");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(agent)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        Map<String, Set<String>> actual = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace('\\', '/').replace(".class", "");
            String from = packageOf(name);
            actual.computeIfAbsent(from, k -> new TreeSet<>());
            Set<String> used = packagesUsed(file);
            Path source = SOURCES.resolve(name.replaceFirst("\\$.*", "") + ".java");
            if (!name.contains("$")) {
                used.addAll(packagesImported(source));
            }
            for (String to : used) {
                if (to.equals(from)) {
                    continue;
                }
                actual.get(from).add(to);
                if (!ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
                    violations.add(classes.relativize(file) + " uses " + to);
                }
            }
        }
        assertEquals(new TreeSet<>(ALLOWED.keySet()), actual.keySet(), "the agent's packages");
        assertEquals(List.of(), violations, "arrows not in the package graph " + ALLOWED);
    }

    /** The agent's sources (tests run in the module's directory). */
    private static final Path SOURCES = Paths.get("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.jcoro\\.agent\\.([\\w.]+);", Pattern.MULTILINE);

    /** The agent's packages a source file imports from. */
    private static Set<String> packagesImported(Path source) throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher m = IMPORT.matcher(Files.readString(source));
        while (m.find()) {
            String first = m.group(1).split("\\.")[0];
            used.add(Character.isUpperCase(first.charAt(0)) ? ROOT : first);
        }
        return used;
    }

    /** @return the graph's name for the package of a class of the agent, or null for any other class */
    private static String packageOf(String internalName) {
        String prefix = "io/jcoro/agent/";
        if (!internalName.startsWith(prefix)) {
            return null;
        }
        String rest = internalName.substring(prefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? ROOT : rest.substring(0, slash);
    }

    /** The agent's packages whose types a class file names: in signatures, code and constants. */
    private static Set<String> packagesUsed(Path classFile) throws IOException {
        Set<String> used = new TreeSet<>();
        Remapper recorder = new Remapper() {
            @Override
            public String map(String internalName) {
                String p = packageOf(internalName);
                if (p != null) {
                    used.add(p);
                }
                return internalName;
            }
        };
        new ClassReader(Files.readAllBytes(classFile)).accept(new ClassRemapper(new ClassNode(), recorder), 0);
        return used;
    }

    @Test
    void bothReadersSeeArrows() throws IOException, URISyntaxException {
        // A graph test that could not see arrows would pass on anything.
        Path classes = Paths.get(ClassInstrumenter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(packagesUsed(classes.resolve("io/jcoro/agent/ClassInstrumenter.class")).contains("pipeline"));
        assertTrue(packagesImported(SOURCES.resolve("io/jcoro/agent/generate/Storage.java")).contains(NAMES),
                "a constant's class, invisible in the class file");
    }
}
