package io.jcoro.tests.fuzz;

import io.jcoro.tests.InMemoryJavac;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the class files of generated programs to a directory, unwoven, as the fuzzer compiles
 * them (the instrumented variant; batches of 25, every other batch with {@code -g}): a corpus for
 * checking that a change to the instrumenter leaves its output byte for byte the same
 * ({@code tests/tools/weave-identity}). Programs javac rejects are left out, as the fuzzer does.
 */
public final class FuzzCorpus {
    private FuzzCorpus() {
    }

    /**
     * @param args the first seed, the number of programs, the output directory
     * @throws IOException if a class file cannot be written
     */
    public static void main(String[] args) throws IOException {
        long first = Long.parseLong(args[0]);
        int count = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        int written = 0;
        int programs = 0;
        try (InMemoryJavac javac = new InMemoryJavac(io.jcoro.core.Co.class, DifferentialFuzzer.class)) {
            int batch = 25;
            for (long seed = first; seed < first + count; seed += batch) {
                int n = (int) Math.min(batch, first + count - seed);
                Map<List<String>, List<Program>> byOptions = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    long s = seed + i;
                    Program p = ProgramGenerator.generate(s, "P" + Long.toString(s & Long.MAX_VALUE, 36));
                    byOptions.computeIfAbsent(p.javacOptions(), k -> new ArrayList<>()).add(p);
                }
                boolean debugInfo = (seed / batch) % 2 == 1;
                for (List<Program> group : byOptions.values()) {
                    for (Map<String, byte[]> classes : compile(javac, group, debugInfo)) {
                        programs += (int) group.stream().filter(p -> classes.containsKey(p.qualifiedName())).count();
                        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                            Path file = out.resolve(e.getKey().replace('.', '/') + ".class");
                            Files.createDirectories(file.getParent());
                            Files.write(file, e.getValue());
                            written++;
                        }
                    }
                }
            }
        }
        System.out.println("fuzz corpus: " + programs + " programs, " + written + " classes in " + out);
    }

    /** One javac run for the group; if it fails, one per program, leaving out those that fail. */
    private static List<Map<String, byte[]>> compile(InMemoryJavac javac, List<Program> group, boolean debugInfo) {
        List<Map<String, byte[]>> result = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        group.forEach(p -> sources.putAll(p.sources(Program.Variant.INSTRUMENTED)));
        try {
            result.add(javac.compile(sources, debugInfo, group.get(0).javacOptions()));
        } catch (InMemoryJavac.CompileError failed) {
            for (Program p : group) {
                try {
                    result.add(javac.compile(p.sources(Program.Variant.INSTRUMENTED), debugInfo, p.javacOptions()));
                } catch (InMemoryJavac.CompileError alone) {
                    // left out, as the fuzzer leaves it out
                }
            }
        }
        return result;
    }
}
