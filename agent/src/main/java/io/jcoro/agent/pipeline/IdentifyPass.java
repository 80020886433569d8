package io.jcoro.agent.pipeline;

import io.jcoro.agent.identify.CoroutineMethod;
import io.jcoro.agent.identify.CoroutineMethodFinder;
import io.jcoro.agent.identify.Screening;
import io.jcoro.agent.identify.SuspensionPointFinder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.MethodNode;

/**
 * Identify: the class's coroutine methods (and what is refused or must be linked), then each
 * one's suspension points, and the methods refused before any rewriting.
 */
public final class IdentifyPass {
    private IdentifyPass() {
    }

    /**
     * @param state the class; fills {@code found} and {@code coroutines}
     * @return whether the class needs any change
     */
    public static boolean run(ClassState state) {
        state.found = CoroutineMethodFinder.find(state.owner, state.repository);
        Set<String> localCoroutines = new HashSet<>();
        for (MethodNode method : state.found.coroutines().keySet()) {
            localCoroutines.add(method.name + method.desc);
        }
        for (Map.Entry<MethodNode, Set<Integer>> e : state.found.coroutines().entrySet()) {
            MethodNode method = e.getKey();
            List<SuspensionPointFinder.Site> sites =
                    SuspensionPointFinder.find(state.owner, method, localCoroutines, state.repository);
            String refusal = sites.isEmpty() ? null : Screening.refusal(state.owner, method, sites);
            state.coroutines.add(new CoroutineMethod(method, e.getValue(), sites, refusal));
        }
        return !state.found.isEmpty();
    }
}
