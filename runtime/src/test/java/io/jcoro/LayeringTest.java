package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.core.Co;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * The runtime's layering, as the README and the package docs draw it: which package may use
 * which. Read from the compiled classes (every class, method and field a class file names is in
 * its constant pool), so imports, fully qualified names and inherited types all count, and
 * comments do not.
 *
 * <p>{@code core/internal} is the contract generated code calls: the core and it use each other,
 * and the woven classes of every other layer call it (those arrows are the weaver's, so the class
 * files cannot tell them from a use in source); no source outside the core names it, which
 * {@link #onlyTheCoreNamesTheInternalPackageInSource} reads from the sources.
 */
class LayeringTest {
    /** package -> the packages it may use. A new package must be added here (and to Jcoro's list). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "core", Set.of("core/internal"),
            "core/internal", Set.of("core"),
            "flow", Set.of("core", "core/internal", "sched"),
            "primitive", Set.of("core", "core/internal"),
            "sched", Set.of("core", "core/internal"),
            "xml", Set.of("core", "core/internal", "flow"),
            "bridge", Set.of("core", "core/internal", "flow", "sched"),
            "net", Set.of("core", "core/internal", "sched"));
    /** A name in the io.jcoro packages: group 1 is its package, relative to io/jcoro. */
    private static final Pattern REFERENCE = Pattern.compile("io/jcoro/((?:\\w+/)*?\\w+)/[\\w$]+(?=[^\\w$/]|$)");

    @Test
    void everyArrowIsInTheGraph() throws Exception {
        Path classes = Paths.get(Co.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> actual = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes.resolve("io/jcoro"))) {
            files = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
        List<String> violations = new ArrayList<>();
        for (Path file : files) {
            String from = classes.resolve("io/jcoro").relativize(file.getParent()).toString()
                    .replace(file.getFileSystem().getSeparator(), "/");
            actual.computeIfAbsent(from, k -> new TreeSet<>());
            for (String text : utf8Constants(file)) {
                Matcher m = REFERENCE.matcher(text);
                while (m.find()) {
                    String to = m.group(1);
                    if (to.equals(from)) {
                        continue;
                    }
                    actual.get(from).add(to);
                    if (!ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
                        violations.add(classes.relativize(file) + " uses io.jcoro." + to);
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(ALLOWED.keySet()), actual.keySet(), "the runtime's packages");
        assertEquals(List.of(), violations, "arrows not in the layering graph " + ALLOWED);
    }

    @Test
    void onlyTheCoreNamesTheInternalPackageInSource() throws IOException {
        Path sources = Paths.get("src/main/java/io/jcoro");
        List<String> violations;
        try (Stream<Path> walk = Files.walk(sources)) {
            violations = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !sources.relativize(p).startsWith("core"))
                    .filter(p -> read(p).contains("io.jcoro.core.internal"))
                    .map(Path::toString)
                    .collect(Collectors.toList());
        }
        assertEquals(List.of(), violations, "sources outside the core that name io.jcoro.core.internal");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The UTF-8 entries of a class file's constant pool: every name and descriptor it uses. */
    private static List<String> utf8Constants(Path classFile) throws IOException {
        List<String> texts = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> texts.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // long and double take two entries
                    }
                    default -> throw new IOException(classFile + ": unknown constant tag " + tag);
                }
            }
        }
        return texts;
    }
}
