package io.jcoro.agent.classinfo;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds what javac's synthetic accessors forward to. Before Java 11 (nest-based access), a
 * nested class that calls a private method of its outer class calls a static
 * {@code access$NNN(Outer, args...)} that javac writes into the outer class:
 * <pre>{@code
 * static String access$000(Outer o, int x) { return o.secret(x); }
 * }</pre>
 * When {@code secret} is a coroutine, the accessor is a frame between two coroutines and must be
 * one too. Only the accessors' code is read, and only in classes that have any.
 */
final class AccessorScan extends ClassVisitor {
    private final Set<String> accessors;
    private final Map<String, String> targets = new HashMap<>();

    private AccessorScan(Set<String> accessors) {
        super(Opcodes.ASM9);
        this.accessors = accessors;
    }

    /**
     * @param reader the class
     * @param accessors name+descriptor of its synthetic static {@code access$} methods
     * @return for each accessor that forwards to a method, {@code owner.name+descriptor} of it
     */
    static Map<String, String> targets(ClassReader reader, Set<String> accessors) {
        if (accessors.isEmpty()) {
            return Map.of();
        }
        AccessorScan scan = new AccessorScan(accessors);
        reader.accept(scan, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return Map.copyOf(scan.targets);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        String accessor = name + descriptor;
        if (!accessors.contains(accessor)) {
            return null;
        }
        return new MethodVisitor(Opcodes.ASM9) {
            private String target;
            private int calls;

            @Override
            public void visitMethodInsn(int opcode, String owner, String callee, String desc, boolean itf) {
                calls++;
                target = callee.equals("<init>") ? null : owner + "." + callee + desc;
            }

            @Override
            public void visitEnd() {
                // javac's method accessors make exactly one call; field accessors make none.
                if (calls == 1 && target != null) {
                    targets.put(accessor, target);
                }
            }
        };
    }
}
