package io.jcoro.agent.prepare;

import io.jcoro.agent.classinfo.MissingClassException;
import io.jcoro.agent.common.Lines;
import io.jcoro.agent.common.RefusedException;
import io.jcoro.agent.identify.SuspensionPointFinder.Site;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The prepare pass: rewrites a coroutine method where its code, as compiled, could not be made
 * resumable ({@link UninitializedRelocation}), then fixes the positions of its suspension points
 * for the passes after it. The only pass before generation that changes code.
 */
public final class Preparation {
    private Preparation() {
    }

    /**
     * @param owner the class
     * @param method a coroutine method, rewritten in place
     * @param sites its suspension points, at least one
     * @return the method and its points by position
     * @throws RefusedException if the method cannot be prepared
     */
    public static PreparedMethod prepare(ClassNode owner, MethodNode method, List<Site> sites) throws RefusedException {
        Set<AbstractInsnNode> points = new HashSet<>();
        sites.forEach(s -> points.add(s.insn()));
        try {
            UninitializedRelocation.apply(owner, method, points);
        } catch (AnalyzerException e) {
            throw unanalysable(owner, method, sites.get(0).insn(), e);
        }
        List<PreparedMethod.Anchor> anchors = new ArrayList<>();
        for (Site site : sites) {
            anchors.add(new PreparedMethod.Anchor(method.instructions.indexOf(site.insn()), site.kind()));
        }
        return new PreparedMethod(method, List.copyOf(anchors));
    }

    /**
     * The refusal of a method ASM's analyzer rejects; shared with the analyse pass, which words
     * it the same way.
     *
     * @param owner the class
     * @param method the method
     * @param first its first suspension point (the line the message names)
     * @param e what the analyzer said
     * @return the refusal
     */
    public static RefusedException unanalysable(ClassNode owner, MethodNode method, AbstractInsnNode first,
                                                AnalyzerException e) {
        String where = Lines.describe(owner, method, Lines.lineOf(first));
        if (e.getCause() instanceof MissingClassException missing) {
            return new RefusedException(where + ": " + missing.getMessage());
        }
        return new RefusedException(where + ": cannot analyse the method: " + e.getMessage());
    }
}
