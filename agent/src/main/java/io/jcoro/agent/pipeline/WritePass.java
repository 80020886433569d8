package io.jcoro.agent.pipeline;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/** Writes the class: the replaced methods as the passes left them, every other byte for byte. */
public final class WritePass {
    private WritePass() {
    }

    /**
     * @param state the class, with its {@code replacements}
     * @return the class file
     */
    public static byte[] run(ClassState state) {
        ClassWriter writer = new ClassWriter(state.reader, 0);
        state.reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor,
                                             String signature, String[] exceptions) {
                MethodNode replacement = state.replacements.get(name + descriptor);
                if (replacement != null) {
                    replacement.accept(cv);
                    return null;
                }
                return super.visitMethod(access, name, descriptor, signature, exceptions);
            }
        }, 0);
        return writer.toByteArray();
    }
}
