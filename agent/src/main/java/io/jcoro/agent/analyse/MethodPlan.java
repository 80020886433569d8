package io.jcoro.agent.analyse;

import java.util.List;
import org.objectweb.asm.Type;

/**
 * The result of analysing one coroutine method: everything generation needs to rewrite it, as
 * plain values. Immutable, and free of the method and its instructions: the points name their
 * instructions by position in the prepared method ({@link SuspensionPoint#insnIndex}).
 *
 * @param methodName the method's name
 * @param returnType its return type (a capture returns a dummy of it)
 * @param methodId the stamp this method accepts from callers
 * @param alternateIds further stamps it accepts (functional interface methods it implements
 *                     as a lambda body)
 * @param continuationLocal the local that holds the running continuation
 * @param entryStampLocal the local that holds the stamp taken on entry
 * @param receiverLocal the local that keeps the receiver of the call in flight
 * @param scratchLocal the first of the locals free for shuffling call arguments
 * @param points the suspension points, in resume-index order
 */
public record MethodPlan(String methodName, Type returnType, int methodId, List<Integer> alternateIds,
                         int continuationLocal, int entryStampLocal, int receiverLocal,
                         int scratchLocal, List<SuspensionPoint> points) {
}
