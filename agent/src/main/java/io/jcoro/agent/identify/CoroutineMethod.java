package io.jcoro.agent.identify;

import java.util.List;
import java.util.Set;
import org.objectweb.asm.tree.MethodNode;

/**
 * One coroutine method as identification leaves it for the passes after: where it may suspend,
 * and whether it is refused before any of them runs.
 *
 * @param method the method
 * @param acceptedIds the stamps it accepts on entry (its own id, and the id of every coroutine
 *                    functional interface method it implements as a lambda body)
 * @param sites its suspension points in code order; none for a coroutine that cannot suspend
 * @param refusal why it cannot be instrumented ("Cls.m(Cls.java:12): reason"), or null
 */
public record CoroutineMethod(MethodNode method, Set<Integer> acceptedIds, List<SuspensionPointFinder.Site> sites,
                              String refusal) {
}
