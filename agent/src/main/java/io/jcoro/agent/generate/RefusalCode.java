package io.jcoro.agent.generate;

import io.jcoro.agent.contract.RuntimeNames;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
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
     * The body of a method the agent refused ({@link Splicer#replaceBody}), or the code after a
     * lambda-creating instruction that may not run ({@link #failAt}):
     * <pre>{@code
     * throw new NotInstrumentedException(message);
     * }</pre>
     *
     * @param message why it was refused
     * @return the code
     */
    public static InsnList throwing(String message) {
        InsnList code = new InsnList();
        code.add(new TypeInsnNode(Opcodes.NEW, RuntimeNames.NOT_INSTRUMENTED));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new LdcInsnNode(message));
        code.add(Storage.invoke(RuntimeNames.NOT_INSTRUMENTED_INIT));
        code.add(new InsnNode(Opcodes.ATHROW));
        return code;
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
     * @return the splice for the method (whose frames are recomputed)
     */
    public static Splice failAt(MethodNode method, InvokeDynamicInsnNode site, String message) {
        return new Splice().after(method.instructions.indexOf(site), throwing(message)).growStack(3);
    }
}
