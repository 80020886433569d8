package io.jcoro.agent.generate;

import io.jcoro.agent.RuntimeNames;
import io.jcoro.agent.analyse.MethodPlan;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/** Makes the method's own exception handlers safe against errors struck mid-capture. */
final class HandlerCode {
    private HandlerCode() {
    }

    /**
     * Inserts at the start of each exception handler of the original code:
     * <pre>{@code
     * catch (Throwable e) {             // any handler, finally blocks included
     *     Frames.recover(f);            // a capture or restore cut short: drop it, mode NORMAL
     *     ...                           // the handler as written
     * }</pre>
     * An error thrown while frames are saved (the capture blocks have no handler) or re-entered
     * reaches the nearest handler above with the continuation half saved; without this, the
     * handler would run user code in the wrong mode.
     */
    static void guard(MethodPlan plan) {
        Set<LabelNode> done = new HashSet<>();
        for (TryCatchBlockNode block : plan.method().tryCatchBlocks) {
            if (done.add(block.handler)) {
                InsnList code = new InsnList();
                code.add(new VarInsnNode(Opcodes.ALOAD, plan.continuationLocal()));
                code.add(Storage.frames("recover", "(" + RuntimeNames.CONTINUATION_DESC + ")V"));
                plan.method().instructions.insert(block.handler, code);
            }
        }
    }
}
