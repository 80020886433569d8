package io.jcoro.agent.generate;

import io.jcoro.agent.analyse.MethodPlan;
import io.jcoro.agent.analyse.SuspensionPoint;
import io.jcoro.agent.contract.RuntimeNames;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The blocks that rebuild a frame on resume and jump back to where it suspended. */
final class RestoreCode {
    private RestoreCode() {
    }

    /**
     * Appended after the capture blocks:
     * <pre>{@code
     * restore:
     *   int k = Frames.beginRestore(f);              // the resume index this frame pushed last
     *   switch (k) {
     *     case k:
     *       argument_n = (A) Frames.popRef(f); ...   // interface calls: kept reference arguments
     *       receiverLocal = (R) Frames.popRef(f);    // calls with a receiver
     *       live_local_n = (T) Frames.popX(f); ... live_local_1 = ...;   // null locals: = null
     *       push (T) Frames.popX(f) for each stack entry, bottom first;  // null entries: push null
     *       call:      push receiverLocal; push each kept argument, zero for the others;
     *                  Frames.stamp(f, ID_OF_CALLEE | RESTORE); goto call_k;
     *       intrinsic: goto resume_k;
     *     default:
     *       throw Frames.badResumeIndex(f, k);
     *   }
     * }</pre>
     *
     * @param reentry per point, where to jump back in (call_k or resume_k)
     */
    static InsnList emit(MethodPlan plan, LabelNode restore, List<LabelNode> reentry) {
        int f = plan.continuationLocal();
        int index = plan.scratchLocal();
        InsnList code = new InsnList();
        code.add(restore);
        code.add(new VarInsnNode(Opcodes.ALOAD, f));
        code.add(Storage.invoke(RuntimeNames.BEGIN_RESTORE));
        code.add(new VarInsnNode(Opcodes.ISTORE, index));
        code.add(new VarInsnNode(Opcodes.ILOAD, index));
        LabelNode fail = new LabelNode();
        LabelNode[] cases = new LabelNode[plan.points().size()];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = new LabelNode();
        }
        code.add(new TableSwitchInsnNode(0, cases.length - 1, fail, cases));
        for (SuspensionPoint p : plan.points()) {
            code.add(cases[p.index()]);
            if (p.line() > 0) {
                code.add(new LineNumberNode(p.line(), cases[p.index()]));
            }
            code.add(point(plan, p, reentry.get(p.index())));
        }
        code.add(fail);
        code.add(new VarInsnNode(Opcodes.ALOAD, f));
        code.add(new VarInsnNode(Opcodes.ILOAD, index));
        code.add(Storage.invoke(RuntimeNames.BAD_RESUME_INDEX));
        code.add(new InsnNode(Opcodes.ATHROW));
        return code;
    }

    private static InsnList point(MethodPlan plan, SuspensionPoint p, LabelNode reentry) {
        int f = plan.continuationLocal();
        InsnList code = new InsnList();
        List<Type> args = p.argumentTypes();
        int[] argumentSlots = CallSiteCode.argumentSlots(plan, args);
        List<Integer> kept = p.keptArguments();
        for (int i = kept.size() - 1; i >= 0; i--) {
            int a = kept.get(i);
            code.add(Storage.pop(args.get(a), f));
            code.add(new VarInsnNode(Opcodes.ASTORE, argumentSlots[a]));
        }
        if (p.receiverType() != null) {
            code.add(Storage.pop(p.receiverType(), f));
            code.add(new VarInsnNode(Opcodes.ASTORE, plan.receiverLocal()));
        }
        List<SuspensionPoint.LiveLocal> locals = p.locals();
        for (int i = locals.size() - 1; i >= 0; i--) {
            SuspensionPoint.LiveLocal local = locals.get(i);
            code.add(Storage.pop(local.type(), f));
            code.add(new VarInsnNode(local.type().getOpcode(Opcodes.ISTORE), local.slot()));
        }
        for (Type t : p.stack()) {
            code.add(Storage.pop(t, f));
        }
        if (p.kind().isIntrinsic()) {
            code.add(new JumpInsnNode(Opcodes.GOTO, reentry));
            return code;
        }
        if (p.receiverType() != null) {
            code.add(new VarInsnNode(Opcodes.ALOAD, plan.receiverLocal()));
        }
        for (int a = 0; a < args.size(); a++) {
            code.add(kept.contains(a) ? new VarInsnNode(Opcodes.ALOAD, argumentSlots[a]) : Storage.zero(args.get(a)));
        }
        code.add(CallSiteCode.stamp(plan, p.calleeId() | RuntimeNames.RESTORE_STAMP));
        code.add(new JumpInsnNode(Opcodes.GOTO, reentry));
        return code;
    }
}
