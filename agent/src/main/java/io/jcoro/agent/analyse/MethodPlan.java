package io.jcoro.agent.analyse;

import java.util.List;
import org.objectweb.asm.tree.MethodNode;

/**
 * The result of analysing one coroutine method: the (pre-processed) method and everything
 * generation needs to rewrite it. Immutable apart from the method node it will rewrite.
 *
 * @param method the method, after the pre-passes
 * @param methodId the stamp this method accepts from callers
 * @param alternateIds further stamps it accepts (functional interface methods it implements
 *                     as a lambda body)
 * @param continuationLocal the local that holds the running continuation
 * @param entryStampLocal the local that holds the stamp taken on entry
 * @param receiverLocal the local that keeps the receiver of the call in flight
 * @param scratchLocal the first of the locals free for shuffling call arguments
 * @param points the suspension points, in resume-index order
 */
public record MethodPlan(MethodNode method, int methodId, List<Integer> alternateIds,
                         int continuationLocal, int entryStampLocal, int receiverLocal,
                         int scratchLocal, List<SuspensionPoint> points) {
}
