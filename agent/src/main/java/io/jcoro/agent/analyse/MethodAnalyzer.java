package io.jcoro.agent.analyse;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.classinfo.MissingClassException;
import io.jcoro.agent.common.Lines;
import io.jcoro.agent.common.RefusedException;
import io.jcoro.agent.contract.RuntimeNames;
import io.jcoro.agent.identify.PointKind;
import io.jcoro.agent.prepare.Preparation;
import io.jcoro.agent.prepare.PreparedMethod;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The analyse pass: reads one prepared coroutine method, without changing it, into a
 * {@link MethodPlan}. Computes typed frames and liveness, refuses a suspension inside a
 * {@code synchronized} block or with a value that cannot be saved, and records, for each
 * reachable suspension point, what is live there and how to re-enter it.
 */
public final class MethodAnalyzer {
    private final ClassNode owner;
    private final MethodNode method;

    private MethodAnalyzer(ClassNode owner, MethodNode method) {
        this.owner = owner;
        this.method = method;
    }

    /**
     * @param owner the class
     * @param prepared the coroutine method, as the prepare pass left it
     * @param acceptedIds stamps it accepts on entry
     * @param repository the oracle of the class's loader
     * @return the plan
     * @throws RefusedException if the method cannot be instrumented
     */
    public static MethodPlan analyse(ClassNode owner, PreparedMethod prepared, Set<Integer> acceptedIds,
                                     ClassInfoRepository repository) throws RefusedException {
        return new MethodAnalyzer(owner, prepared.method()).plan(prepared.anchors(), acceptedIds, repository);
    }

    private String where(AbstractInsnNode insn) {
        return Lines.describe(owner, method, Lines.lineOf(insn));
    }

    private MethodPlan plan(List<PreparedMethod.Anchor> anchors, Set<Integer> acceptedIds,
                            ClassInfoRepository repository) throws RefusedException {
        ControlFlow flow;
        try {
            flow = ControlFlow.analyse(owner.name, method, new TypedInterpreter(repository));
        } catch (AnalyzerException e) {
            throw Preparation.unanalysable(owner, method, method.instructions.get(anchors.get(0).index()), e);
        }
        int[] monitors = MonitorDepth.before(method, flow);
        BitSet[] live = Liveness.liveIn(method, flow);
        boolean keepThis = (method.access & Opcodes.ACC_STATIC) == 0 && !writesLocal0();

        AccessibleTypes accessible = new AccessibleTypes(repository, owner.name);
        int base = method.maxLocals;
        List<SuspensionPoint> points = new ArrayList<>();
        for (PreparedMethod.Anchor anchor : anchors) {
            int i = anchor.index();
            MethodInsnNode insn = (MethodInsnNode) method.instructions.get(i);
            Frame<BasicValue> frame = flow.frames[i];
            if (frame == null) {
                continue; // unreachable: left as it is
            }
            if (monitors[i] > 0) {
                throw new RefusedException(where(insn) + ": suspension inside a synchronized"
                        + " block (the monitor would be released at the suspension)");
            }
            try {
                points.add(point(points.size(), anchor, insn, frame, live[i], keepThis, accessible));
            } catch (MissingClassException missing) {
                throw new RefusedException(where(insn) + ": " + missing.getMessage());
            }
        }
        List<Integer> alternates = new ArrayList<>(acceptedIds);
        int id = RuntimeNames.methodId(method.name, method.desc);
        alternates.remove(Integer.valueOf(id));
        return new MethodPlan(method.name, Type.getReturnType(method.desc), id, List.copyOf(alternates),
                base, base + 1, base + 2, base + 3, List.copyOf(points));
    }

    private SuspensionPoint point(int index, PreparedMethod.Anchor anchor, MethodInsnNode insn, Frame<BasicValue> frame,
                                  BitSet live, boolean keepThis, AccessibleTypes accessible) throws RefusedException {
        PointKind kind = anchor.kind();
        List<Type> args;
        Type receiver = null;
        Type returned;
        int consumed;
        int calleeId = 0;
        if (kind == PointKind.CALL) {
            args = List.of(Type.getArgumentTypes(insn.desc));
            returned = Type.getReturnType(insn.desc);
            consumed = args.size();
            if (insn.getOpcode() != Opcodes.INVOKESTATIC) {
                Type t = frame.getStack(frame.getStackSize() - args.size() - 1).getType();
                receiver = SuspensionPoint.NULL.equals(t) ? TypedInterpreter.OBJECT : accessible.nearest(t);
                consumed++;
            }
            calleeId = RuntimeNames.methodId(insn.name, insn.desc);
        } else {
            args = List.of();
            returned = TypedInterpreter.OBJECT;
            consumed = kind == PointKind.RECEIVE ? 0 : 1;
        }
        List<Type> stack = new ArrayList<>();
        for (int s = 0; s < frame.getStackSize() - consumed; s++) {
            stack.add(accessible.nearest(savable(frame.getStack(s), insn, "operand stack entry " + s)));
        }
        List<SuspensionPoint.LiveLocal> locals = new ArrayList<>();
        for (int slot = live.nextSetBit(0); slot >= 0; slot = live.nextSetBit(slot + 1)) {
            if (slot >= frame.getLocals() || (slot == 0 && keepThis)) {
                continue;
            }
            BasicValue v = frame.getLocal(slot);
            if (v.getType() != null) {
                locals.add(new SuspensionPoint.LiveLocal(slot, accessible.nearest(savable(v, insn, "local " + slot))));
            }
        }
        boolean keepsArguments = insn.getOpcode() == Opcodes.INVOKEINTERFACE;
        return new SuspensionPoint(index, kind, anchor.index(), Lines.lineOf(insn), calleeId, receiver, args,
                keepsArguments, returned, List.copyOf(stack), List.copyOf(locals));
    }

    private Type savable(BasicValue v, AbstractInsnNode insn, String what) throws RefusedException {
        Type t = v.getType();
        if (t == null || v == BasicValue.RETURNADDRESS_VALUE) {
            throw new RefusedException(where(insn) + ": " + what + " holds a value that cannot be"
                    + " saved across the suspension");
        }
        return t;
    }

    private boolean writesLocal0() {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof VarInsnNode v && v.var == 0 && v.getOpcode() >= Opcodes.ISTORE
                    && v.getOpcode() <= Opcodes.ASTORE) {
                return true;
            }
            if (insn instanceof IincInsnNode inc && inc.var == 0) {
                return true;
            }
        }
        return false;
    }
}
