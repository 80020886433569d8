package io.jcoro.agent.identify;

import io.jcoro.agent.common.Lines;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Refuses, before any rewriting, a coroutine method whose suspension points could never be made
 * resumable: subroutines (the return address a {@code RET} jumps to cannot be saved), a class
 * file older than Java 7 (the frames' labels are numbered by a bootstrap, see
 * {@code generate.FrameLabel}) and a {@code synchronized} method (its monitor would be released
 * at the suspension).
 */
public final class Screening {
    private Screening() {
    }

    /**
     * @param owner the class
     * @param method a coroutine method
     * @param sites its suspension points, at least one
     * @return why it is refused ("Cls.m(Cls.java:12): reason"), or null if it may go on
     */
    public static String refusal(ClassNode owner, MethodNode method, List<SuspensionPointFinder.Site> sites) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() == Opcodes.JSR || insn.getOpcode() == Opcodes.RET) {
                return Lines.describe(owner, method, Lines.lineOf(insn)) + ": subroutines (JSR/RET,"
                        + " pre-Java-6 bytecode) are not supported in a coroutine";
            }
        }
        int version = owner.version & 0xFFFF;
        if (version < Opcodes.V1_7) {
            return Lines.describe(owner, method, Lines.lineOf(sites.get(0).insn())) + ": the class file is of version "
                    + version + " (Java 6 or older), which has no invokedynamic, and a coroutine's frames need"
                    + " it: compile the class for Java 7 or later";
        }
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            return Lines.describe(owner, method, Lines.lineOf(sites.get(0).insn())) + ": a synchronized method"
                    + " cannot suspend (the monitor would be released at the suspension and retaken on resume)";
        }
        return null;
    }
}
