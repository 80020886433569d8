package io.jcoro.agent.prepare;

import io.jcoro.agent.common.Lines;
import io.jcoro.agent.common.RefusedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * Pre-pass for {@code new Foo(a, suspendingCall())}: javac pushes the uninitialized object
 * before the arguments, and an uninitialized object can be neither saved nor re-created at the
 * same bytecode offset. So, where a suspension point can see an object between its {@code NEW}
 * and its constructor call, this moves the {@code NEW; DUP} to just before the call:
 * <pre>{@code
 * before:  NEW Foo; DUP; <a>; <suspendingCall>; INVOKESPECIAL Foo.<init>
 * after:   NEW Foo; POP; <a>; <suspendingCall>; STORE t2; STORE t1; NEW Foo; DUP; LOAD t1; LOAD t2;
 *          INVOKESPECIAL Foo.<init>
 * }</pre>
 * Arguments are evaluated in the same order, and {@code Foo} is initialized at the same moment:
 * the first {@code NEW}, whose object is dropped at once, stays where it was for that.
 *
 * <p>The object is followed by identity, not by stack depth: javac spills the whole operand
 * stack, uninitialized objects included, into locals around a switch expression that contains
 * a {@code try} ({@code new Foo("" + switch (k) { default -> { try { ... } ... } })}), and
 * reloads it after each arm. Those stores and loads of the object go with it.
 */
final class UninitializedRelocation {
    private UninitializedRelocation() {
    }

    /** The value a NEW pushes, the same instance through every copy (DUP, STORE, LOAD). */
    private static final class Uninitialized extends BasicValue {
        final TypeInsnNode origin;

        Uninitialized(TypeInsnNode origin) {
            super(Type.getObjectType(origin.desc));
            this.origin = origin;
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /**
     * BasicInterpreter whose NEW values keep their identity: one value per NEW instruction (the
     * analyzer may run an instruction more than once), two different ones merge to unusable.
     */
    private static final class OriginInterpreter extends BasicInterpreter {
        private final Map<AbstractInsnNode, Uninitialized> created = new HashMap<>();

        OriginInterpreter() {
            super(Opcodes.ASM9);
        }

        @Override
        public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
            if (insn.getOpcode() == Opcodes.NEW) {
                return created.computeIfAbsent(insn, n -> new Uninitialized((TypeInsnNode) n));
            }
            return super.newOperation(insn);
        }

        @Override
        public BasicValue merge(BasicValue a, BasicValue b) {
            if (a == b) {
                return a;
            }
            if (a instanceof Uninitialized || b instanceof Uninitialized) {
                return BasicValue.UNINITIALIZED_VALUE;
            }
            return super.merge(a, b);
        }
    }

    /**
     * A frame in which a constructor call turns every copy of its object into an ordinary value,
     * as the verifier does, so that what happens to the object afterwards is not taken for a move
     * of an uninitialized one.
     */
    private static final class OriginFrame extends Frame<BasicValue> {
        OriginFrame(int locals, int stack) {
            super(locals, stack);
        }

        OriginFrame(Frame<? extends BasicValue> frame) {
            super(frame);
        }

        @Override
        public void execute(AbstractInsnNode insn, Interpreter<BasicValue> interpreter) throws AnalyzerException {
            BasicValue receiver = null;
            if (insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESPECIAL
                    && call.name.equals("<init>")) {
                int s = getStackSize() - 1 - Type.getArgumentTypes(call.desc).length;
                if (s >= 0 && getStack(s) instanceof Uninitialized) {
                    receiver = getStack(s);
                }
            }
            super.execute(insn, interpreter);
            if (receiver != null) {
                BasicValue initialized = new BasicValue(receiver.getType());
                for (int l = 0; l < getLocals(); l++) {
                    if (getLocal(l) == receiver) {
                        setLocal(l, initialized);
                    }
                }
                for (int s = 0; s < getStackSize(); s++) {
                    if (getStack(s) == receiver) {
                        setStack(s, initialized);
                    }
                }
            }
        }
    }

    private static Frame<BasicValue>[] analyse(String owner, MethodNode method) throws AnalyzerException {
        return new Analyzer<BasicValue>(new OriginInterpreter()) {
            @Override
            protected Frame<BasicValue> newFrame(int numLocals, int numStack) {
                return new OriginFrame(numLocals, numStack);
            }

            @Override
            protected Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
                return new OriginFrame(frame);
            }
        }.analyze(owner, method);
    }

    /** A NEW, its DUP, the stores and loads that move it, and the constructor call. */
    private record Construction(TypeInsnNode newInsn, AbstractInsnNode dup, List<AbstractInsnNode> moves,
                                MethodInsnNode init) {
    }

    /**
     * Rewrites the method in place.
     *
     * @param owner the class
     * @param method the method
     * @param points the suspension point instructions
     * @throws RefusedException if a construction spans a point in a shape javac does not emit
     */
    static void apply(ClassNode owner, MethodNode method, Set<AbstractInsnNode> points)
            throws AnalyzerException, RefusedException {
        if (!hasNew(method)) {
            return;
        }
        Frame<BasicValue>[] frames = analyse(owner.name, method);
        InsnList insns = method.instructions;
        List<Construction> spanning = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) {
            if (insns.get(i).getOpcode() != Opcodes.NEW || frames[i] == null || frames[i + 1] == null) {
                continue;
            }
            TypeInsnNode newInsn = (TypeInsnNode) insns.get(i);
            BasicValue created = frames[i + 1].getStack(frames[i + 1].getStackSize() - 1);
            if (!seenAtAPoint(insns, frames, points, created)) {
                continue;
            }
            String where = Lines.describe(owner, method, Lines.lineOf(newInsn));
            AbstractInsnNode dup = nextInstruction(newInsn);
            if (dup == null || dup.getOpcode() != Opcodes.DUP) {
                throw new RefusedException(where + ": a suspension inside the arguments of a constructor"
                        + " compiled without NEW;DUP");
            }
            spanning.add(construction(insns, frames, newInsn, dup, created, where));
        }
        if (spanning.isEmpty()) {
            return;
        }
        for (Construction c : spanning) {
            relocate(method, c);
        }
        // No uninitialized object may be left where a capture would save it: the class would
        // not verify, and could not load at all.
        Frame<BasicValue>[] after = analyse(owner.name, method);
        for (int i = 0; i < insns.size(); i++) {
            if (insns.get(i).getOpcode() == Opcodes.NEW && after[i] != null && after[i + 1] != null
                    && seenAtAPoint(insns, after, points, after[i + 1].getStack(after[i + 1].getStackSize() - 1))) {
                throw new RefusedException(Lines.describe(owner, method, Lines.lineOf(insns.get(i)))
                        + ": an object under construction would stay live across a suspension");
            }
        }
    }

    private static boolean hasNew(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() == Opcodes.NEW) {
                return true;
            }
        }
        return false;
    }

    private static AbstractInsnNode nextInstruction(AbstractInsnNode insn) {
        AbstractInsnNode n = insn.getNext();
        while (n != null && n.getOpcode() < 0) {
            n = n.getNext();
        }
        return n;
    }

    /** Whether the object is on the stack or in a local at some suspension point. */
    private static boolean seenAtAPoint(InsnList insns, Frame<BasicValue>[] frames, Set<AbstractInsnNode> points,
                                        BasicValue created) {
        for (AbstractInsnNode p : points) {
            Frame<BasicValue> f = frames[insns.indexOf(p)];
            if (f != null && holds(f, created)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Frame<BasicValue> f, BasicValue v) {
        for (int s = 0; s < f.getStackSize(); s++) {
            if (f.getStack(s) == v) {
                return true;
            }
        }
        for (int l = 0; l < f.getLocals(); l++) {
            if (f.getLocal(l) == v) {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds everything that touches the object: its DUP, the stores and loads that move it, its
     * constructor call. Anything else (another stack shuffle, a second constructor call) is not
     * javac's and is refused.
     */
    private static Construction construction(InsnList insns, Frame<BasicValue>[] frames, TypeInsnNode newInsn,
                                             AbstractInsnNode dup, BasicValue created, String where)
            throws RefusedException {
        List<AbstractInsnNode> moves = new ArrayList<>();
        MethodInsnNode init = null;
        for (int k = 0; k < insns.size(); k++) {
            AbstractInsnNode insn = insns.get(k);
            Frame<BasicValue> f = frames[k];
            if (f == null || insn == newInsn || insn == dup) {
                continue;
            }
            int opcode = insn.getOpcode();
            if (opcode == Opcodes.ASTORE && top(f, 0) == created) {
                moves.add(insn);
            } else if (opcode == Opcodes.ALOAD && f.getLocal(((VarInsnNode) insn).var) == created) {
                moves.add(insn);
            } else if (insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESPECIAL
                    && call.name.equals("<init>")
                    && top(f, Type.getArgumentTypes(call.desc).length) == created) {
                if (init != null) {
                    throw new RefusedException(where + ": this 'new' reaches two constructor calls,"
                            + " and a suspension lies between");
                }
                init = call;
            } else if (readsCreated(insn, f, created)) {
                throw new RefusedException(where + ": the object of this 'new' is moved by "
                        + insn.getClass().getSimpleName() + " opcode " + opcode
                        + " before its constructor runs, and a suspension lies between");
            }
        }
        if (init == null) {
            throw new RefusedException(where + ": cannot find the constructor call of this 'new',"
                    + " and a suspension follows it");
        }
        return new Construction(newInsn, dup, moves, init);
    }

    /** The stack entry {@code depth} entries below the top. */
    private static BasicValue top(Frame<BasicValue> f, int depth) {
        int s = f.getStackSize() - 1 - depth;
        return s >= 0 ? f.getStack(s) : null;
    }

    /** Whether a stack-shuffling or comparing instruction reads a stack slot holding the object. */
    private static boolean readsCreated(AbstractInsnNode insn, Frame<BasicValue> f, BasicValue created) {
        int words;
        switch (insn.getOpcode()) {
            case Opcodes.DUP:
            case Opcodes.POP:
            case Opcodes.IFNULL:
            case Opcodes.IFNONNULL:
                words = 1;
                break;
            case Opcodes.DUP_X1:
            case Opcodes.DUP2:
            case Opcodes.SWAP:
            case Opcodes.POP2:
            case Opcodes.IF_ACMPEQ:
            case Opcodes.IF_ACMPNE:
                words = 2;
                break;
            case Opcodes.DUP_X2:
            case Opcodes.DUP2_X1:
                words = 3;
                break;
            case Opcodes.DUP2_X2:
                words = 4;
                break;
            default:
                // The verifier lets an uninitialized object reach no other instruction.
                return false;
        }
        for (int s = f.getStackSize() - 1; s >= 0 && words > 0; s--) {
            BasicValue v = f.getStack(s);
            if (v == created) {
                return true;
            }
            words -= v.getSize();
        }
        return false;
    }

    private static void relocate(MethodNode method, Construction c) {
        InsnList insns = method.instructions;
        Type[] args = Type.getArgumentTypes(c.init().desc);
        int[] slots = new int[args.length];
        for (int k = 0; k < args.length; k++) {
            slots[k] = method.maxLocals;
            method.maxLocals += args[k].getSize();
        }
        InsnList before = new InsnList();
        for (int k = args.length - 1; k >= 0; k--) {
            before.add(new VarInsnNode(args[k].getOpcode(Opcodes.ISTORE), slots[k]));
        }
        before.add(new TypeInsnNode(Opcodes.NEW, c.newInsn().desc));
        before.add(new InsnNode(Opcodes.DUP));
        for (int k = 0; k < args.length; k++) {
            before.add(new VarInsnNode(args[k].getOpcode(Opcodes.ILOAD), slots[k]));
        }
        insns.insertBefore(c.init(), before);
        // The original NEW stays, its object dropped at once: it initializes Foo where the
        // source says (JVMS §5.5), before the arguments run. The JIT removes the unused object.
        insns.set(c.dup(), new InsnNode(Opcodes.POP));
        for (AbstractInsnNode move : c.moves()) {
            insns.remove(move);
        }
    }
}
