package io.jcoro.agent.prepare;

import io.jcoro.agent.identify.PointKind;
import java.util.List;
import org.objectweb.asm.tree.MethodNode;

/**
 * A coroutine method rewritten into the shape analysis and generation expect, and its suspension
 * points named by position: analysis reads the method and never changes it, and generation
 * splices its code at these positions.
 *
 * @param method the rewritten method
 * @param anchors its suspension points in code order
 */
public record PreparedMethod(MethodNode method, List<Anchor> anchors) {

    /**
     * A suspension point by the index of its call instruction in the prepared method's
     * instruction list: the identity the plan and the splicer use for it.
     *
     * @param index the instruction's index
     * @param kind what suspends there
     */
    public record Anchor(int index, PointKind kind) {
    }
}
