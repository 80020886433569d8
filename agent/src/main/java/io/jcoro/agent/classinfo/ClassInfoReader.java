package io.jcoro.agent.classinfo;

import io.jcoro.agent.RuntimeNames;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Reads a {@link ClassInfo} from class bytes, skipping all code. */
final class ClassInfoReader extends ClassVisitor {
    private String name;
    private String superName;
    private List<String> interfaces;
    private boolean isInterface;
    private final Set<String> annotated = new HashSet<>();

    private ClassInfoReader() {
        super(Opcodes.ASM9);
    }

    static ClassInfo read(byte[] bytes) {
        ClassInfoReader r = new ClassInfoReader();
        new ClassReader(bytes).accept(r, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassInfo(r.name, r.superName, r.interfaces, r.isInterface, Set.copyOf(r.annotated));
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        this.name = name;
        this.superName = superName;
        this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
        this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        String sig = name + descriptor;
        return new MethodVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                if (RuntimeNames.COROUTINE_ANNOTATION.equals(desc)) {
                    annotated.add(sig);
                }
                return null;
            }
        };
    }
}
