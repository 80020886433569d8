package io.jcoro.agent.generate;

import io.jcoro.agent.analyse.MethodPlan;
import io.jcoro.agent.analyse.SuspensionPoint;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;

/**
 * Rewrites a coroutine method into a resumable state machine by its {@link MethodPlan}:
 * a prologue, each suspension point wrapped or replaced in place, then one capture block per
 * point, the restore switch and a guard per exception handler appended. The original
 * instructions keep their order, line numbers and try ranges; stack-map frames are recomputed
 * afterwards.
 */
public final class MethodRewriter {
    private MethodRewriter() {
    }

    /**
     * @param plan the analysed method, rewritten in place
     * @param owner its class (for the frames' labels)
     */
    public static void rewrite(MethodPlan plan, ClassNode owner) {
        InsnList insns = plan.method().instructions;
        List<LabelNode> capture = new ArrayList<>();
        List<LabelNode> reentry = new ArrayList<>();
        for (SuspensionPoint p : plan.points()) {
            LabelNode captureLabel = new LabelNode();
            LabelNode reentryLabel = new LabelNode();
            capture.add(captureLabel);
            reentry.add(reentryLabel);
            if (p.kind().isIntrinsic()) {
                IntrinsicCode.replace(insns, plan, p, reentryLabel, captureLabel);
            } else {
                CallSiteCode.wrap(insns, plan, p, reentryLabel, captureLabel);
            }
        }
        InsnList guards = HandlerCode.guard(plan);
        LabelNode restore = new LabelNode();
        insns.insert(PrologueCode.emit(plan, restore));
        for (SuspensionPoint p : plan.points()) {
            insns.add(CaptureCode.emit(plan, p, capture.get(p.index()), FrameLabel.of(owner, plan.method(), p)));
        }
        insns.add(RestoreCode.emit(plan, restore, reentry));
        insns.add(guards);
    }
}
