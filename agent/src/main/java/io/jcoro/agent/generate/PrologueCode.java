package io.jcoro.agent.generate;

import io.jcoro.agent.analyse.MethodPlan;
import io.jcoro.agent.contract.RuntimeNames;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The code an instrumented method starts with. */
final class PrologueCode {
    private PrologueCode() {
    }

    /**
     * <pre>{@code
     * Continuation f = Frames.enter();           // the continuation running on this thread
     * int entry = Frames.takeStamp(f);            // which call the caller announced
     * if (entry < 0) goto restore;                // its RESTORE bit: re-entered by a resume
     * }</pre>
     */
    static InsnList emit(MethodPlan plan, LabelNode restore) {
        InsnList code = new InsnList();
        code.add(Storage.invoke(RuntimeNames.ENTER));
        code.add(new VarInsnNode(Opcodes.ASTORE, plan.continuationLocal()));
        code.add(new VarInsnNode(Opcodes.ALOAD, plan.continuationLocal()));
        code.add(Storage.invoke(RuntimeNames.TAKE_STAMP));
        code.add(new VarInsnNode(Opcodes.ISTORE, plan.entryStampLocal()));
        code.add(new VarInsnNode(Opcodes.ILOAD, plan.entryStampLocal()));
        code.add(new JumpInsnNode(Opcodes.IFLT, restore));
        return code;
    }
}
