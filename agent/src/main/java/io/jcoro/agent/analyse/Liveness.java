package io.jcoro.agent.analyse;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which locals are live before each instruction: read on some path before being written.
 * Exception edges count from before the instruction (a store that throws does not happen), so
 * a local a handler reads is live throughout its try block: the root of the restore bugs in
 * other instrumenters.
 */
final class Liveness {
    private Liveness() {
    }

    /** @return for each instruction index, the locals live before it (null if unreachable) */
    static BitSet[] liveIn(MethodNode method, ControlFlow flow) {
        int n = method.instructions.size();
        BitSet[] live = new BitSet[n];
        BitSet[] use = new BitSet[n];
        int[] def = new int[n];
        List<List<Integer>> predecessors = predecessors(flow, n);
        Deque<Integer> work = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (flow.frames[i] == null) {
                continue;
            }
            live[i] = new BitSet();
            use[i] = new BitSet();
            def[i] = -1;
            AbstractInsnNode insn = method.instructions.get(i);
            if (insn instanceof VarInsnNode v) {
                if (isStore(v.getOpcode())) {
                    def[i] = v.var;
                } else {
                    use[i].set(v.var);
                }
            } else if (insn instanceof IincInsnNode inc) {
                use[i].set(inc.var);
            }
            work.add(i);
        }
        while (!work.isEmpty()) {
            int i = work.poll();
            BitSet in = new BitSet();
            for (int s : flow.successors.get(i)) {
                if (live[s] != null) {
                    in.or(live[s]);
                }
            }
            if (def[i] >= 0) {
                in.clear(def[i]);
            }
            in.or(use[i]);
            for (int h : flow.handlers.get(i)) {
                if (live[h] != null) {
                    in.or(live[h]);
                }
            }
            if (!in.equals(live[i])) {
                live[i] = in;
                work.addAll(predecessors.get(i));
            }
        }
        return live;
    }

    private static boolean isStore(int opcode) {
        return opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE;
    }

    private static List<List<Integer>> predecessors(ControlFlow flow, int n) {
        List<List<Integer>> preds = ControlFlow.emptyLists(n);
        for (int i = 0; i < n; i++) {
            for (int s : flow.successors.get(i)) {
                preds.get(s).add(i);
            }
            for (int h : flow.handlers.get(i)) {
                preds.get(h).add(i);
            }
        }
        return preds;
    }
}
