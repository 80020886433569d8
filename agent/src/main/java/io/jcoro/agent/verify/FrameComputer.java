package io.jcoro.agent.verify;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Computes stack-map frames and maximums for one rewritten method, alone: the class's other
 * methods keep their original bytes and frames. Common superclasses come from the
 * {@link ClassInfoRepository}, never from loading classes.
 */
public final class FrameComputer {
    private FrameComputer() {
    }

    /**
     * @param owner the class the method belongs to (for its name and supertypes)
     * @param method the rewritten method
     * @param repository the oracle of the class's loader
     * @return the same method with frames and maximums, ready to copy into the class as is
     * @throws org.objectweb.asm.MethodTooLargeException if its code exceeds 64 KB
     */
    public static MethodNode compute(ClassNode owner, MethodNode method, ClassInfoRepository repository) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return repository.commonSuperClass(a, b);
            }
        };
        writer.visit(owner.version, owner.access, owner.name, owner.signature, owner.superName,
                owner.interfaces.toArray(new String[0]));
        method.accept(writer);
        writer.visitEnd();
        ClassNode computed = new ClassNode();
        new ClassReader(writer.toByteArray()).accept(computed, 0);
        return computed.methods.get(0);
    }
}
