package io.jcoro.agent.generate;

import io.jcoro.agent.analyse.MethodPlan;
import io.jcoro.agent.analyse.SuspensionPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;

/**
 * The generate pass: turns a {@link MethodPlan} into the {@link Splice} that makes the method a
 * resumable state machine: a prologue, each suspension point wrapped ({@link CallSiteCode}) or
 * replaced ({@link IntrinsicCode}) in place, then one capture block per point, the restore
 * switch and a guard per exception handler appended. Only the generators build code; the
 * {@link Splicer} puts it in the method.
 */
public final class MethodGenerator {
    private MethodGenerator() {
    }

    /**
     * @param owner the class (for the frames' labels)
     * @param plan the analysed method
     * @param handlers the handler of each entry of the method's exception table, in its order
     * @return the code, positioned
     */
    public static Splice generate(ClassNode owner, MethodPlan plan, List<LabelNode> handlers) {
        Splice splice = new Splice();
        List<LabelNode> capture = new ArrayList<>();
        List<LabelNode> reentry = new ArrayList<>();
        for (SuspensionPoint p : plan.points()) {
            LabelNode captureLabel = new LabelNode();
            LabelNode reentryLabel = new LabelNode();
            capture.add(captureLabel);
            reentry.add(reentryLabel);
            if (p.kind().isIntrinsic()) {
                splice.instead(p.insnIndex(), IntrinsicCode.emit(plan, p, reentryLabel, captureLabel));
            } else {
                splice.before(p.insnIndex(), CallSiteCode.before(plan, p, reentryLabel));
                splice.after(p.insnIndex(), CallSiteCode.after(plan, captureLabel));
            }
        }
        LabelNode restore = new LabelNode();
        splice.atStart(PrologueCode.emit(plan, restore));
        for (SuspensionPoint p : plan.points()) {
            InsnList labelId = FrameLabel.loadId(owner, FrameLabel.of(owner, plan, p));
            splice.atEnd(CaptureCode.emit(plan, p, capture.get(p.index()), labelId));
        }
        splice.atEnd(RestoreCode.emit(plan, restore, reentry));
        Map<LabelNode, LabelNode> guardOf = new LinkedHashMap<>();
        for (LabelNode handler : handlers) {
            guardOf.computeIfAbsent(handler, h -> new LabelNode());
        }
        guardOf.forEach(splice::redirectHandler);
        splice.atEnd(HandlerCode.emit(plan, guardOf));
        return splice;
    }
}
