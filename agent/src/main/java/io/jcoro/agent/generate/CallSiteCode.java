package io.jcoro.agent.generate;

import io.jcoro.agent.analyse.MethodPlan;
import io.jcoro.agent.analyse.SuspensionPoint;
import io.jcoro.agent.contract.RuntimeNames;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The code around a call to a coroutine method, so that it can suspend and be re-entered. */
final class CallSiteCode {
    private CallSiteCode() {
    }

    /**
     * The code before the call instruction (which stays where it is, inside its try blocks), and
     * {@link #after} it:
     * <pre>{@code
     *                                        // stack: [S..., receiver, args...]
     *   receiverLocal = receiver;            // kept for a capture; args pass through scratch locals
     *   Frames.stamp(f, ID_OF_CALLEE);
     * call_k:                                // a restore re-enters here with dummy arguments,
     *   result = receiver.callee(args);      // having stamped ID_OF_CALLEE | RESTORE; the original
     *                                        // instruction
     *   if (Frames.isSuspending(f)) goto capture_k;
     * }</pre>
     */
    static InsnList before(MethodPlan plan, SuspensionPoint p, LabelNode call) {
        InsnList before = new InsnList();
        if (p.receiverType() != null) {
            before.add(keepReceiver(plan, p.argumentTypes()));
        }
        before.add(stamp(plan, p.calleeId()));
        before.add(call);
        return before;
    }

    /** The code after the call instruction: {@code if (Frames.isSuspending(f)) goto capture_k}. */
    static InsnList after(MethodPlan plan, LabelNode capture) {
        return Storage.suspendingCheck(plan.continuationLocal(), capture);
    }

    /** {@code Frames.stamp(f, stamp)}, leaving the operand stack as it was. */
    static InsnList stamp(MethodPlan plan, int stamp) {
        InsnList code = new InsnList();
        code.add(new VarInsnNode(Opcodes.ALOAD, plan.continuationLocal()));
        code.add(Storage.constant(stamp));
        code.add(Storage.invoke(RuntimeNames.STAMP));
        return code;
    }

    /**
     * The scratch locals that hold a call's arguments while its receiver is copied; they still
     * hold them when the call suspends, so a capture can save them from there.
     */
    static int[] argumentSlots(MethodPlan plan, List<Type> args) {
        int[] slots = new int[args.size()];
        int next = plan.scratchLocal();
        for (int i = 0; i < args.size(); i++) {
            slots[i] = next;
            next += args.get(i).getSize();
        }
        return slots;
    }

    /** Copies the receiver from beneath the arguments into the receiver local. */
    private static InsnList keepReceiver(MethodPlan plan, List<Type> args) {
        InsnList code = new InsnList();
        int[] slots = argumentSlots(plan, args);
        for (int i = args.size() - 1; i >= 0; i--) {
            code.add(new VarInsnNode(args.get(i).getOpcode(Opcodes.ISTORE), slots[i]));
        }
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new VarInsnNode(Opcodes.ASTORE, plan.receiverLocal()));
        for (int i = 0; i < args.size(); i++) {
            code.add(new VarInsnNode(args.get(i).getOpcode(Opcodes.ILOAD), slots[i]));
        }
        return code;
    }
}
