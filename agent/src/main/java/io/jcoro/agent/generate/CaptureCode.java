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
import org.objectweb.asm.tree.VarInsnNode;

/** The block that saves a frame when something below it suspends, and returns. */
final class CaptureCode {
    private CaptureCode() {
    }

    /**
     * Appended after the method's code, outside every try block, so no handler or
     * {@code finally} runs on the way out:
     * <pre>{@code
     * capture_k:                                  // stack: [S..., result]; line of the point
     *   pop result;
     *   Frames.reserve(f, PRIMITIVES[, REFERENCES]);             // no references: primitives only
     *   Frames.pushX(s_top, f); ... Frames.pushX(s_bottom, f);   // null entries are dropped
     *   Frames.pushX(live_local_1, f); ...                       // in slot order
     *   Frames.pushRef(receiverLocal, f);                        // calls with a receiver
     *   Frames.pushRef(argument_i, f); ...                       // interface calls: reference
     *                                                            //   arguments, from scratch locals
     *   if ((entry & ~RESTORE) == ALTERNATE_ID) entry = ID;      // lambda bodies
     *   Frames.endCapture(f, k, entry, ID, LABEL_ID);  // handshake; pushes k, with its label's id
     *                                                  //   (FrameLabel: "P R LINE CLASS/METHOD/FILE")
     *   return <zero>;
     * }</pre>
     *
     * @param labelId the instructions that push the id of the frame's label at this point
     *                ({@link FrameLabel#loadId})
     */
    static InsnList emit(MethodPlan plan, SuspensionPoint p, LabelNode capture, InsnList labelId) {
        int f = plan.continuationLocal();
        InsnList code = new InsnList();
        code.add(capture);
        if (p.line() > 0) {
            code.add(new LineNumberNode(p.line(), capture));
        }
        Type result = p.returnType();
        if (result.getSort() != Type.VOID) {
            code.add(new InsnNode(result.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP));
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, f));
        code.add(Storage.constant(p.primitiveCount()));
        if (p.referenceCount() == 0) {
            code.add(Storage.invoke(RuntimeNames.RESERVE));
        } else {
            code.add(Storage.constant(p.referenceCount()));
            code.add(Storage.invoke(RuntimeNames.RESERVE_WITH_REFS));
        }
        List<Type> stack = p.stack();
        for (int i = stack.size() - 1; i >= 0; i--) {
            Type t = stack.get(i);
            if (SuspensionPoint.NULL.equals(t)) {
                code.add(new InsnNode(Opcodes.POP));
            } else {
                code.add(Storage.push(t, f));
            }
        }
        for (SuspensionPoint.LiveLocal local : p.locals()) {
            if (!SuspensionPoint.NULL.equals(local.type())) {
                code.add(new VarInsnNode(local.type().getOpcode(Opcodes.ILOAD), local.slot()));
                code.add(Storage.push(local.type(), f));
            }
        }
        if (p.receiverType() != null) {
            code.add(new VarInsnNode(Opcodes.ALOAD, plan.receiverLocal()));
            code.add(Storage.push(p.receiverType(), f));
        }
        int[] argumentSlots = CallSiteCode.argumentSlots(plan, p.argumentTypes());
        for (int a : p.keptArguments()) {
            code.add(new VarInsnNode(Opcodes.ALOAD, argumentSlots[a]));
            code.add(Storage.push(p.argumentTypes().get(a), f));
        }
        if (!plan.alternateIds().isEmpty()) {
            code.add(new VarInsnNode(Opcodes.ILOAD, plan.entryStampLocal()));
            code.add(Storage.constant(~RuntimeNames.RESTORE_STAMP));
            code.add(new InsnNode(Opcodes.IAND));
            code.add(new VarInsnNode(Opcodes.ISTORE, plan.entryStampLocal()));
        }
        for (int alternate : plan.alternateIds()) {
            LabelNode next = new LabelNode();
            code.add(new VarInsnNode(Opcodes.ILOAD, plan.entryStampLocal()));
            code.add(Storage.constant(alternate));
            code.add(new JumpInsnNode(Opcodes.IF_ICMPNE, next));
            code.add(Storage.constant(plan.methodId()));
            code.add(new VarInsnNode(Opcodes.ISTORE, plan.entryStampLocal()));
            code.add(next);
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, f));
        code.add(Storage.constant(p.index()));
        code.add(new VarInsnNode(Opcodes.ILOAD, plan.entryStampLocal()));
        code.add(Storage.constant(plan.methodId()));
        code.add(labelId);
        code.add(Storage.invoke(RuntimeNames.END_CAPTURE));
        code.add(Storage.dummyReturn(plan.returnType()));
        return code;
    }
}
