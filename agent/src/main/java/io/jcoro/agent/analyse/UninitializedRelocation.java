package io.jcoro.agent.analyse;

import io.jcoro.agent.identify.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
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

/**
 * Pre-pass for {@code new Foo(a, suspendingCall())}: javac pushes the uninitialized object
 * before the arguments, and an uninitialized object can be neither saved nor re-created at the
 * same bytecode offset. So, where a suspension point lies between a {@code NEW} and its
 * constructor call, this moves the {@code NEW; DUP} to just before the call:
 * <pre>{@code
 * before:  NEW Foo; DUP; <a>; <suspendingCall>; INVOKESPECIAL Foo.<init>
 * after:   <a>; <suspendingCall>; STORE t2; STORE t1; NEW Foo; DUP; LOAD t1; LOAD t2; INVOKESPECIAL Foo.<init>
 * }</pre>
 * Arguments are evaluated in the same order. What moves is the moment {@code Foo} is
 * initialized if this is its first use (after the arguments instead of before).
 */
final class UninitializedRelocation {
    private UninitializedRelocation() {
    }

    /** A NEW, its DUP, and the constructor call that consumes them. */
    private record Construction(TypeInsnNode newInsn, AbstractInsnNode dup, MethodInsnNode init) {
    }

    /**
     * Rewrites the method in place.
     *
     * @param owner internal name of the class
     * @param source its source file, for messages
     * @param method the method
     * @param points the suspension point instructions
     * @throws RefusedException if a construction spans a point in a shape javac does not emit
     */
    static void apply(String owner, String source, MethodNode method, Set<AbstractInsnNode> points)
            throws AnalyzerException, RefusedException {
        if (!hasNew(method)) {
            return;
        }
        Frame<BasicValue>[] frames = new Analyzer<>(new BasicInterpreter()).analyze(owner, method);
        InsnList insns = method.instructions;
        List<Construction> spanning = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) {
            if (insns.get(i).getOpcode() != Opcodes.NEW || frames[i] == null) {
                continue;
            }
            TypeInsnNode newInsn = (TypeInsnNode) insns.get(i);
            int depth = frames[i].getStackSize();
            int j = matchingInit(insns, frames, i, newInsn.desc, depth);
            if (j < 0) {
                if (spansPoint(insns, frames, points, i, insns.size(), depth)) {
                    throw new RefusedException(Lines.describe(owner, source, method.name, Lines.lineOf(newInsn))
                            + ": cannot find the constructor call of this 'new', and a suspension follows it");
                }
                continue;
            }
            if (!spansPoint(insns, frames, points, i, j, depth)) {
                continue;
            }
            AbstractInsnNode dup = nextInstruction(newInsn);
            if (dup == null || dup.getOpcode() != Opcodes.DUP) {
                throw new RefusedException(Lines.describe(owner, source, method.name, Lines.lineOf(newInsn))
                        + ": a suspension inside the arguments of a constructor compiled without NEW;DUP");
            }
            spanning.add(new Construction(newInsn, dup, (MethodInsnNode) insns.get(j)));
        }
        for (Construction c : spanning) {
            relocate(method, c);
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

    private static int matchingInit(InsnList insns, Frame<BasicValue>[] frames, int from, String type,
                                    int depth) {
        for (int j = from + 1; j < insns.size(); j++) {
            if (insns.get(j) instanceof MethodInsnNode call && frames[j] != null
                    && call.getOpcode() == Opcodes.INVOKESPECIAL && call.name.equals("<init>")
                    && call.owner.equals(type)) {
                int receiverDepth = frames[j].getStackSize() - Type.getArgumentTypes(call.desc).length - 1;
                if (receiverDepth == depth + 1) {
                    return j;
                }
            }
        }
        return -1;
    }

    private static boolean spansPoint(InsnList insns, Frame<BasicValue>[] frames,
                                      Set<AbstractInsnNode> points, int from, int to, int depth) {
        for (int k = from + 1; k < to; k++) {
            if (frames[k] != null && frames[k].getStackSize() > depth && points.contains(insns.get(k))) {
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
        insns.remove(c.newInsn());
        insns.remove(c.dup());
    }
}
