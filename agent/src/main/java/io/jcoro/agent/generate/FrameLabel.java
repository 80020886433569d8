package io.jcoro.agent.generate;

import io.jcoro.agent.analyse.MethodPlan;
import io.jcoro.agent.analyse.SuspensionPoint;
import io.jcoro.agent.contract.RuntimeNames;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The label of a frame captured at a point: a string that lets the runtime read a suspended
 * generator's frames from its saved state alone ({@code io.jcoro.core.internal.SavedFrames}
 * documents the format, {@code "P R LINE CLASS/METHOD/FILE"}). A capture passes not the string
 * but its id, an int the runtime hands out once per point through a bootstrap whose argument is
 * the string, so the label stays in the class's constant pool and compiled code holds the id as
 * a constant.
 */
final class FrameLabel {
    private static final Handle CONSTANT = bootstrap(RuntimeNames.FRAME_LABEL);
    private static final Handle CALL_SITE = bootstrap(RuntimeNames.FRAME_LABEL_SITE);

    private FrameLabel() {
    }

    /**
     * @param owner the class
     * @param plan the method's plan
     * @param p the suspension point
     * @return the label of a frame captured at {@code p}
     */
    static String of(ClassNode owner, MethodPlan plan, SuspensionPoint p) {
        String file = owner.sourceFile == null ? "" : owner.sourceFile;
        return p.primitiveCount() + " " + p.savedReferenceCount() + " " + p.line() + " "
                + owner.name.replace('/', '.') + "/" + plan.methodName() + "/" + file;
    }

    /**
     * The instruction that pushes a label's id:
     * <pre>{@code
     *   ldc Dynamic label:Integer = Frames.frameLabel("P R LINE ...")   // class files of Java 11+
     *   invokevirtual Integer.intValue()
     * -- or --
     *   invokedynamic label()I, Frames.frameLabelSite("P R LINE ...")   // Java 7 to 10
     * }</pre>
     * The dynamic constant is boxed because JDK 17 resolves a primitive one in the VM at every
     * execution and does not compile the method at all (a method skipped by both compilers ran a
     * yield 50 times slower); a reference constant is cached where it is loaded, and the box's
     * final field folds. Screening refuses class files older than Java 7, which have neither.
     *
     * @param owner the class (its version decides the form)
     * @param label the label
     * @return the instructions
     */
    static InsnList loadId(ClassNode owner, String label) {
        InsnList code = new InsnList();
        if ((owner.version & 0xFFFF) >= Opcodes.V11) {
            code.add(new LdcInsnNode(new ConstantDynamic("label", "Ljava/lang/Integer;", CONSTANT, label)));
            code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/Integer", "intValue", "()I", false));
        } else {
            code.add(new InvokeDynamicInsnNode("label", "()I", CALL_SITE, label));
        }
        return code;
    }

    private static Handle bootstrap(RuntimeNames.Call call) {
        return new Handle(Opcodes.H_INVOKESTATIC, call.owner(), call.name(), call.descriptor(), false);
    }
}
