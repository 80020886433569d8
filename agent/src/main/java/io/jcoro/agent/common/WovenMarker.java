package io.jcoro.agent.common;

import io.jcoro.agent.contract.RuntimeNames;
import java.nio.charset.StandardCharsets;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * The mark build-time weaving leaves on every class it processed: a run-time visible class annotation
 * {@code @io.jcoro.core.Woven(contract = N)}, N being {@link RuntimeNames#CONTRACT_VERSION}.
 * The agent, the Maven plugin and the command line leave a marked class alone (weaving twice
 * would instrument generated code), and the runtime reads the annotation by reflection to see
 * that the program was woven and needs no agent.
 */
public final class WovenMarker {
    private static final byte[] NAME = RuntimeNames.WOVEN_ANNOTATION.getBytes(StandardCharsets.US_ASCII);

    private WovenMarker() {
    }

    /**
     * A byte search first (most classes do not even name the annotation), then a read of the
     * class's own annotations, so a class that merely mentions {@code Woven} is not taken for
     * woven.
     *
     * @param bytes a class file
     * @return whether it carries the mark
     */
    public static boolean isWoven(byte[] bytes) {
        return contains(bytes, NAME) && contract(bytes) != null;
    }

    /**
     * @param bytes a class file
     * @return the contract version of its mark, or null if it has none
     */
    public static Integer contract(byte[] bytes) {
        Integer[] found = new Integer[1];
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                if (!descriptor.equals(RuntimeNames.WOVEN_ANNOTATION)) {
                    return null;
                }
                found[0] = 0;
                return new AnnotationVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(String name, Object value) {
                        if (name.equals("contract") && value instanceof Integer) {
                            found[0] = (Integer) value;
                        }
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }

    /**
     * @param bytes an instrumented class file
     * @return the same class with the mark added; everything else is copied unchanged
     */
    public static byte[] mark(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature,
                              String superName, String[] interfaces) {
                super.visit(version, access, name, signature, superName, interfaces);
                // ClassWriter keeps annotations apart from the rest, so this early place is fine.
                AnnotationVisitor woven = super.visitAnnotation(RuntimeNames.WOVEN_ANNOTATION, true);
                woven.visit("contract", RuntimeNames.CONTRACT_VERSION);
                woven.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
