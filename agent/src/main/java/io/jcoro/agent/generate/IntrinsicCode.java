package io.jcoro.agent.generate;

import io.jcoro.agent.analyse.MethodPlan;
import io.jcoro.agent.analyse.SuspensionPoint;
import io.jcoro.agent.contract.RuntimeNames;
import io.jcoro.agent.identify.PointKind;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The code that takes the place of a {@code Co.yield}, {@code Co.receive} or {@code Co.yieldFrom}
 * call, or of a primitive generator's {@code yield}.
 */
final class IntrinsicCode {
    private IntrinsicCode() {
    }

    /**
     * In place of the call instruction; the resume point stays at the call's position, so an
     * exception thrown in is raised inside the call's try blocks, at its line:
     * <pre>{@code
     *                                               // stack: [S..., value]  (receive: push null)
     *   result = Frames.yieldValue(value, f);        // yield: always suspends
     *   goto capture_k;                              // IntGenerator.yield(i): Frames.yieldInt(i, f), ...
     * -- or --
     *   result = Frames.yieldFrom(sub, f);           // yieldFrom: suspends unless sub finished
     *   if (Frames.isSuspending(f)) goto capture_k;
     *   goto after_k;
     * -- then --
     * resume_k:                                      // a restore re-enters here
     *   result = Frames.resumeValue(f);              // the sent value, or throws what was thrown in
     * after_k:                                       // yieldFrom(Iterable): pop result
     * }</pre>
     */
    static InsnList emit(MethodPlan plan, SuspensionPoint p, LabelNode resume, LabelNode capture) {
        LabelNode after = new LabelNode();
        InsnList code = new InsnList();
        if (p.kind() == PointKind.RECEIVE) {
            code.add(new InsnNode(Opcodes.ACONST_NULL));
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, plan.continuationLocal()));
        RuntimeNames.Call yield = yieldCall(p.kind());
        if (yield != null) {
            code.add(Storage.invoke(yield));
            code.add(new JumpInsnNode(Opcodes.GOTO, capture));
        } else {
            code.add(Storage.invoke(RuntimeNames.YIELD_FROM));
            code.add(Storage.suspendingCheck(plan.continuationLocal(), capture));
            code.add(new JumpInsnNode(Opcodes.GOTO, after));
        }
        code.add(resume);
        code.add(new VarInsnNode(Opcodes.ALOAD, plan.continuationLocal()));
        code.add(Storage.invoke(RuntimeNames.RESUME_VALUE));
        code.add(after);
        if (p.kind() == PointKind.DELEGATE_ITERABLE) {
            code.add(new InsnNode(Opcodes.POP));
        }
        return code;
    }

    /** @return the call that hands the value out, for a point that always suspends; else null */
    private static RuntimeNames.Call yieldCall(PointKind kind) {
        switch (kind) {
            case YIELD:
            case RECEIVE:
                return RuntimeNames.YIELD_VALUE;
            case YIELD_INT:
                return RuntimeNames.YIELD_INT;
            case YIELD_LONG:
                return RuntimeNames.YIELD_LONG;
            case YIELD_DOUBLE:
                return RuntimeNames.YIELD_DOUBLE;
            default:
                return null;
        }
    }
}
