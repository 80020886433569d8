package io.jcoro.agent.generate;

import io.jcoro.agent.analyse.SuspensionPoint;
import io.jcoro.agent.common.Boxes;
import io.jcoro.agent.contract.RuntimeNames;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * How a value of each type travels to and from the continuation's typed stacks, and the small
 * instruction builders the code generators share.
 */
final class Storage {
    /** The {@code Frames.pushX} that saves a value, by {@link #stackOf}. */
    private static final RuntimeNames.Call[] PUSH = {
        RuntimeNames.PUSH_INT, RuntimeNames.PUSH_LONG, RuntimeNames.PUSH_FLOAT, RuntimeNames.PUSH_DOUBLE,
        RuntimeNames.PUSH_REF};
    /** The {@code Frames.popX} that restores a value, by {@link #stackOf}. */
    private static final RuntimeNames.Call[] POP = {
        RuntimeNames.POP_INT, RuntimeNames.POP_LONG, RuntimeNames.POP_FLOAT, RuntimeNames.POP_DOUBLE,
        RuntimeNames.POP_REF};

    private Storage() {
    }

    /**
     * @return the typed stack a value of type {@code t} travels on: int (every int-like type),
     *         long, float, double, ref
     */
    private static int stackOf(Type t) {
        switch (t.getSort()) {
            case Type.LONG:
                return 1;
            case Type.FLOAT:
                return 2;
            case Type.DOUBLE:
                return 3;
            case Type.OBJECT:
            case Type.ARRAY:
                return 4;
            default:
                return 0;
        }
    }

    /** {@code Frames.pushX(value, f)}, the value being on top of the operand stack. */
    static InsnList push(Type t, int continuationLocal) {
        InsnList code = new InsnList();
        code.add(new VarInsnNode(Opcodes.ALOAD, continuationLocal));
        code.add(invoke(PUSH[stackOf(t)]));
        return code;
    }

    /** {@code (T) Frames.popX(f)}, leaving the value on the operand stack. */
    static InsnList pop(Type t, int continuationLocal) {
        InsnList code = new InsnList();
        if (SuspensionPoint.NULL.equals(t)) {
            code.add(new InsnNode(Opcodes.ACONST_NULL));
            return code;
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, continuationLocal));
        code.add(invoke(POP[stackOf(t)]));
        if (SuspensionPoint.isReference(t) && !t.getInternalName().equals("java/lang/Object")) {
            code.add(new TypeInsnNode(Opcodes.CHECKCAST, t.getInternalName()));
        }
        return code;
    }

    /** {@code if (Frames.isSuspending(f)) goto capture}, after a call that may have suspended. */
    static InsnList suspendingCheck(int continuationLocal, LabelNode capture) {
        InsnList code = new InsnList();
        code.add(new VarInsnNode(Opcodes.ALOAD, continuationLocal));
        code.add(invoke(RuntimeNames.IS_SUSPENDING));
        code.add(new JumpInsnNode(Opcodes.IFNE, capture));
        return code;
    }

    /** A call of the runtime's, from the catalogue: the only way generated code calls it. */
    static MethodInsnNode invoke(RuntimeNames.Call call) {
        return new MethodInsnNode(call.isStatic() ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL,
                call.owner(), call.name(), call.descriptor(), false);
    }

    /** Pushes an int constant with the shortest instruction. */
    static AbstractInsnNode constant(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, value);
        }
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }

    /** Pushes the zero value of a type: the dummy argument of a re-entered call. */
    static AbstractInsnNode zero(Type t) {
        switch (t.getSort()) {
            case Type.LONG:
                return new InsnNode(Opcodes.LCONST_0);
            case Type.FLOAT:
                return new InsnNode(Opcodes.FCONST_0);
            case Type.DOUBLE:
                return new InsnNode(Opcodes.DCONST_0);
            case Type.OBJECT:
            case Type.ARRAY:
                return new InsnNode(Opcodes.ACONST_NULL);
            default:
                return new InsnNode(Opcodes.ICONST_0);
        }
    }

    /**
     * Returns from the method with a dummy of its return type. A method returning a box
     * ({@code Integer}, ...) returns a boxed zero, not null: a method reference's adapter may
     * unbox the result on its way to an interface method that returns the primitive.
     */
    static InsnList dummyReturn(Type returnType) {
        InsnList code = new InsnList();
        if (returnType.getSort() == Type.VOID) {
            code.add(new InsnNode(Opcodes.RETURN));
            return code;
        }
        Type primitive = returnType.getSort() == Type.OBJECT ? Boxes.unboxed(returnType.getInternalName()) : null;
        if (primitive != null) {
            code.add(zero(primitive));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, returnType.getInternalName(), "valueOf",
                    "(" + primitive.getDescriptor() + ")" + returnType.getDescriptor(), false));
        } else {
            code.add(zero(returnType));
        }
        code.add(new InsnNode(returnType.getOpcode(Opcodes.IRETURN)));
        return code;
    }
}
