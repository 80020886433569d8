package io.jcoro.agent.generate;

import java.util.ArrayList;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * The one place generated code enters a method: applies a {@link Splice}, or replaces a body.
 * The method's own instructions keep their order, line numbers and try ranges.
 */
public final class Splicer {
    private Splicer() {
    }

    /**
     * @param method the method, changed in place
     * @param splice what to put where; its positions name the instructions as they are now
     */
    public static void apply(MethodNode method, Splice splice) {
        InsnList insns = method.instructions;
        AbstractInsnNode[] at = insns.toArray(); // positions before any edit moves them
        for (Splice.Edit edit : splice.edits) {
            AbstractInsnNode insn = at[edit.index()];
            switch (edit.where()) {
                case BEFORE -> insns.insertBefore(insn, edit.code());
                case AFTER -> insns.insert(insn, edit.code());
                case INSTEAD -> {
                    insns.insertBefore(insn, edit.code());
                    insns.remove(insn);
                }
            }
        }
        insns.insert(splice.start);
        insns.add(splice.end);
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            block.handler = splice.handlerRedirects.getOrDefault(block.handler, block.handler);
        }
        method.maxStack += splice.extraStack;
    }

    /**
     * Replaces a method's body (a refused method's, with the code that throws its refusal),
     * dropping what described the old one.
     *
     * @param method the method, changed in place
     * @param body its new code, which needs at most 3 stack words and no local beyond the arguments
     */
    public static void replaceBody(MethodNode method, InsnList body) {
        method.instructions = body;
        method.tryCatchBlocks = new ArrayList<>();
        method.localVariables = null;
        method.visibleLocalVariableAnnotations = null;
        method.invisibleLocalVariableAnnotations = null;
        method.visibleTypeAnnotations = null;
        method.invisibleTypeAnnotations = null;
        int arguments = Type.getArgumentsAndReturnSizes(method.desc) >> 2;
        method.maxLocals = (method.access & Opcodes.ACC_STATIC) != 0 ? arguments - 1 : arguments;
        method.maxStack = 3;
    }
}
