package io.jcoro.agent.analyse;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * Frames (types of every local and stack slot before each instruction) and the control-flow
 * graph of a method, normal and exceptional edges apart, from one run of ASM's analyzer.
 */
final class ControlFlow {
    final Frame<BasicValue>[] frames;
    final List<List<Integer>> successors;
    final List<List<Integer>> handlers;

    private ControlFlow(Frame<BasicValue>[] frames, List<List<Integer>> successors,
                        List<List<Integer>> handlers) {
        this.frames = frames;
        this.successors = successors;
        this.handlers = handlers;
    }

    static ControlFlow analyse(String owner, MethodNode method, Interpreter<BasicValue> interpreter)
            throws AnalyzerException {
        int n = method.instructions.size();
        List<List<Integer>> successors = emptyLists(n);
        List<List<Integer>> handlers = emptyLists(n);
        Analyzer<BasicValue> analyzer = new Analyzer<>(interpreter) {
            @Override
            protected void newControlFlowEdge(int insn, int successor) {
                successors.get(insn).add(successor);
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insn, int successor) {
                handlers.get(insn).add(successor);
                return true;
            }
        };
        Frame<BasicValue>[] frames = analyzer.analyze(owner, method);
        return new ControlFlow(frames, successors, handlers);
    }

    /** @return n empty, growable lists, one per instruction (also used by {@link Liveness}) */
    static List<List<Integer>> emptyLists(int n) {
        List<List<Integer>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>(2));
        }
        return lists;
    }
}
