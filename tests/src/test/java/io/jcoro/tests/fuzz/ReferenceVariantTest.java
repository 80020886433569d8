package io.jcoro.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.tests.InMemoryJavac;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * The fuzzer derives the reference variant's class files by renaming the three API names in the
 * instrumented variant's: that is what javac writes for the reference source, instruction for
 * instruction (only the constant pool's order differs).
 */
class ReferenceVariantTest {

    @Test
    void renamingTheApiIsCompilingTheReferenceSource() throws Exception {
        try (InMemoryJavac javac = new InMemoryJavac(io.jcoro.core.Co.class, ReferenceVariantTest.class)) {
            for (long seed = 1; seed <= 12; seed++) {
                // Every shape group in each program: the companion and --release 8 included.
                Program p = ProgramGenerator.generate(seed, "R" + seed, EnumSet.allOf(Shape.class), true);
                Map<String, byte[]> inst;
                Map<String, byte[]> ref;
                try {
                    inst = javac.compile(p.sources(Program.Variant.INSTRUMENTED), seed % 2 == 0, p.javacOptions());
                    ref = javac.compile(p.sources(Program.Variant.REFERENCE), seed % 2 == 0, p.javacOptions());
                } catch (InMemoryJavac.CompileError javacCrashed) {
                    continue; // see DifferentialFuzzer: javac 17 crashes on a few programs
                }
                Map<String, byte[]> renamed = ReferenceVariant.of(inst);
                assertEquals(ref.keySet(), renamed.keySet(), "seed " + seed);
                for (String name : ref.keySet()) {
                    assertEquals(text(ref.get(name)), text(renamed.get(name)), "seed " + seed + ": " + name);
                }
            }
        }
    }

    /** The class as javap-like text: everything but the constant pool's order. */
    private static String text(byte[] bytes) {
        StringWriter out = new StringWriter();
        new ClassReader(bytes).accept(new TraceClassVisitor(new PrintWriter(out)), 0);
        return out.toString();
    }

    @Test
    void theVariantsDifferOnlyInTheirImports() {
        Program p = ProgramGenerator.generate(7, "V7");
        String inst = p.source(Program.Variant.INSTRUMENTED);
        String ref = p.source(Program.Variant.REFERENCE);
        Map<Integer, String> differing = new LinkedHashMap<>();
        String[] a = inst.split("\n");
        String[] b = ref.split("\n");
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) {
                differing.put(i + 1, a[i]);
            }
        }
        assertEquals(Map.of(3, "import io.jcoro.core.Co;", 4, "import io.jcoro.core.CoSupplier;",
                5, "import io.jcoro.core.Coroutine;", 6, "import io.jcoro.primitive.DoubleGenerator;",
                7, "import io.jcoro.primitive.IntGenerator;", 8, "import io.jcoro.primitive.LongGenerator;"),
                differing);
    }
}
