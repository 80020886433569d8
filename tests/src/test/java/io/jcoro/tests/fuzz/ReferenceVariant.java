package io.jcoro.tests.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * The reference variant's class files, from the instrumented variant's: the two source files
 * differ only in the package of {@code Co}, {@code Coroutine}, {@code CoSupplier} and the three
 * primitive generators (whose stand-ins have the same signatures), so javac's output differs only in those names, and
 * renaming them in the class files gives exactly what compiling the reference source gives
 * (a test checks it) at half the compilation cost.
 */
final class ReferenceVariant {
    private static final SimpleRemapper API = new SimpleRemapper(Map.of(
            "io/jcoro/core/Co", "io/jcoro/tests/fuzz/ref/Co",
            "io/jcoro/core/Coroutine", "io/jcoro/tests/fuzz/ref/Coroutine",
            "io/jcoro/core/CoSupplier", "io/jcoro/tests/fuzz/ref/CoSupplier",
            "io/jcoro/primitive/IntGenerator", "io/jcoro/tests/fuzz/ref/IntGenerator",
            "io/jcoro/primitive/LongGenerator", "io/jcoro/tests/fuzz/ref/LongGenerator",
            "io/jcoro/primitive/DoubleGenerator", "io/jcoro/tests/fuzz/ref/DoubleGenerator"));

    private ReferenceVariant() {
    }

    /**
     * @param instrumented the instrumented variant's class files, by binary name
     * @return the reference variant's, by the same names
     */
    static Map<String, byte[]> of(Map<String, byte[]> instrumented) {
        Map<String, byte[]> reference = new LinkedHashMap<>();
        instrumented.forEach((name, bytes) -> {
            ClassReader reader = new ClassReader(bytes);
            ClassWriter writer = new ClassWriter(0);
            reader.accept(new ClassRemapper(writer, API), 0);
            reference.put(name, writer.toByteArray());
        });
        return reference;
    }
}
