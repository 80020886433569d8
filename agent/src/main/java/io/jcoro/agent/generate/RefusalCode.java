package io.jcoro.agent.generate;

import io.jcoro.agent.contract.RuntimeNames;
import java.util.ArrayList;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * What a refusal leaves in the class: code that fails with the refusal's message when it runs,
 * so the error reaches the user at the call, not only in the agent's log.
 */
public final class RefusalCode {
    private RefusalCode() {
    }

    /**
     * Replaces the body of a method the agent refused:
     * <pre>{@code
     * throw new NotInstrumentedException(message);
     * }</pre>
     *
     * @param method the method
     * @param message why it was refused
     */
    public static void replaceBody(MethodNode method, String message) {
        method.instructions = throwing(message);
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

    /**
     * Makes a lambda-creating instruction fail:
     * <pre>{@code
     * Sam body = <lambda>;                         // the original instruction
     * throw new NotInstrumentedException(message); // the rest of the method is unreachable
     * }</pre>
     *
     * @param method the method holding the site
     * @param site the instruction
     * @param message why it was refused
     */
    public static void failAt(MethodNode method, InvokeDynamicInsnNode site, String message) {
        method.instructions.insert(site, throwing(message));
        method.maxStack += 3;
    }

    private static InsnList throwing(String message) {
        InsnList code = new InsnList();
        code.add(new TypeInsnNode(Opcodes.NEW, RuntimeNames.NOT_INSTRUMENTED));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new LdcInsnNode(message));
        code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, RuntimeNames.NOT_INSTRUMENTED, "<init>",
                "(Ljava/lang/String;)V", false));
        code.add(new InsnNode(Opcodes.ATHROW));
        return code;
    }
}
