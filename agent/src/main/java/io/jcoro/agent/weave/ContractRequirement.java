package io.jcoro.agent.weave;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.contract.RuntimeNames;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Makes a woven class check, first thing when it initializes, that the runtime implements the
 * contract it was woven for: {@code Contract.require(N, "its/Name")} at the head of its static
 * initializer, which is created if the class has none. Against a runtime of another contract the
 * class then fails its first use with one {@code LinkageError} naming both versions, before any
 * generated code could meet a missing method.
 *
 * <p>Build-time weaving only: a class loaded before a self-attached agent cannot gain a method,
 * so the agent checks the runtime once per class loader instead
 * ({@link io.jcoro.agent.contract.RuntimeContract}).
 *
 * <p>A serializable class with neither a static initializer nor a declared
 * {@code serialVersionUID} is left without the check: adding an initializer would change the
 * serial version the JVM computes for it, and so its compatibility with unwoven builds.
 */
public final class ContractRequirement {
    private ContractRequirement() {
    }

    /**
     * @param bytes an instrumented class file
     * @param repository the class's supertypes, to tell a serializable class
     * @return the class with the check at the head of its static initializer; the rest copied as is
     */
    public static byte[] add(byte[] bytes, ClassInfoRepository repository) {
        ClassReader reader = new ClassReader(bytes);
        boolean[] hasInitializer = {false};
        boolean[] hasSerialVersion = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                hasSerialVersion[0] |= name.equals("serialVersionUID");
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                hasInitializer[0] |= name.equals("<clinit>");
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        String className = reader.getClassName();
        if (!hasInitializer[0] && !hasSerialVersion[0]
                && repository.isAssignableFrom("java/io/Serializable", className)) {
            return bytes;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!name.equals("<clinit>")) {
                    return mv;
                }
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        emitRequire(this, className);
                    }

                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                        super.visitMaxs(Math.max(maxStack, 2), maxLocals);
                    }
                };
            }

            @Override
            public void visitEnd() {
                if (!hasInitializer[0]) {
                    MethodVisitor mv = super.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
                    mv.visitCode();
                    emitRequire(mv, className);
                    mv.visitInsn(Opcodes.RETURN);
                    mv.visitMaxs(2, 0);
                    mv.visitEnd();
                }
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }

    /** {@code Contract.require(CONTRACT_VERSION, className)}: leaves the operand stack empty. */
    private static void emitRequire(MethodVisitor mv, String className) {
        int version = RuntimeNames.CONTRACT_VERSION;
        if (version <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + version);
        } else if (version <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, version);
        } else {
            mv.visitLdcInsn(version);
        }
        mv.visitLdcInsn(className);
        RuntimeNames.Call require = RuntimeNames.CONTRACT_REQUIRE;
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, require.owner(), require.name(), require.descriptor(), false);
    }
}
