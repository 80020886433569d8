package io.jcoro.agent.analyse;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * How many monitors ({@code synchronized} blocks) are held before each instruction, the maximum
 * over all paths. A suspension must not happen while one is held: the capture returns through
 * the frame, and the lock would be released (or, re-entered on resume, taken in a different
 * order than the code says).
 */
final class MonitorDepth {
    /** Deeper nesting than this is treated as "held" without counting further. */
    private static final int CAP = 255;

    private MonitorDepth() {
    }

    /** @return for each instruction index, the monitors held before it (-1 if unreachable) */
    static int[] before(MethodNode method, ControlFlow flow) {
        int n = method.instructions.size();
        int[] depth = new int[n];
        Arrays.fill(depth, -1);
        if (n == 0) {
            return depth;
        }
        depth[0] = 0;
        Deque<Integer> work = new ArrayDeque<>();
        work.add(0);
        while (!work.isEmpty()) {
            int i = work.poll();
            int d = depth[i];
            int opcode = method.instructions.get(i).getOpcode();
            int after = opcode == Opcodes.MONITORENTER ? Math.min(d + 1, CAP)
                    : opcode == Opcodes.MONITOREXIT ? Math.max(d - 1, 0) : d;
            for (int s : flow.successors.get(i)) {
                if (after > depth[s]) {
                    depth[s] = after;
                    work.add(s);
                }
            }
            for (int h : flow.handlers.get(i)) {
                if (d > depth[h]) {
                    depth[h] = d;
                    work.add(h);
                }
            }
        }
        return depth;
    }
}
