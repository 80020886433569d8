package io.jcoro.agent.generate;

import io.jcoro.agent.analyse.MethodPlan;
import io.jcoro.agent.contract.RuntimeNames;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.VarInsnNode;

/** Makes the method's own exception handlers safe against errors struck mid-capture or mid-restore. */
final class HandlerCode {
    private HandlerCode() {
    }

    /**
     * The guards every exception handler of the original code is redirected to, appended after
     * the method's code like the capture blocks:
     * <pre>{@code
     * guard_h:                          // the handler's entry now; stack: [e]
     *     if (Frames.recover(f))        // a capture cut short: dropped, mode NORMAL (false);
     *         goto rethrow;             // a restore cut short: this frame is half restored (true)
     *     goto h;                       // the handler as written
     * ...
     * rethrow:
     *     throw e;
     * }</pre>
     * An error thrown while frames are saved (the capture blocks have no handler) reaches the
     * nearest handler above with the continuation half saved; without the guard, the handler
     * would run user code in the wrong mode. An error thrown while a resume re-enters the frames
     * must reach the generator without running any handler of a half-restored frame, so that the
     * generator can put its saved state back. The guards lie outside every try block: javac
     * covers the start of a {@code finally} handler with its own range, so a rethrow placed in
     * the handler would catch itself forever.
     *
     * @param guardOf each handler (in exception-table order) and the label of its guard
     * @return the guards and the rethrow block, to append after the method's code
     */
    static InsnList emit(MethodPlan plan, Map<LabelNode, LabelNode> guardOf) {
        InsnList guards = new InsnList();
        LabelNode rethrow = new LabelNode();
        for (Map.Entry<LabelNode, LabelNode> e : guardOf.entrySet()) {
            guards.add(e.getValue());
            guards.add(new VarInsnNode(Opcodes.ALOAD, plan.continuationLocal()));
            guards.add(Storage.invoke(RuntimeNames.RECOVER));
            guards.add(new JumpInsnNode(Opcodes.IFNE, rethrow));
            guards.add(new JumpInsnNode(Opcodes.GOTO, e.getKey()));
        }
        if (!guardOf.isEmpty()) {
            guards.add(rethrow);
            guards.add(new InsnNode(Opcodes.ATHROW));
        }
        return guards;
    }
}
