package io.jcoro.agent.pipeline;

import io.jcoro.agent.generate.ReferenceLinkCode;
import io.jcoro.agent.generate.Splicer;
import io.jcoro.agent.identify.ClassCoroutines;
import java.util.ArrayList;
import java.util.List;

/**
 * Method references to coroutines of other classes: where each is created, the runtime's
 * handshake is told about it ({@link ReferenceLinkCode}). The method's frames stay valid.
 */
public final class ReferenceLinkPass {
    private ReferenceLinkPass() {
    }

    /**
     * @param state the class; adds to {@code patched}
     * @return the references linked (those in refused methods are not)
     */
    public static List<ClassCoroutines.Reference> run(ClassState state) {
        List<ClassCoroutines.Reference> linked = new ArrayList<>();
        for (ClassCoroutines.Reference reference : state.found.references()) {
            if (!state.found.refusedMethods().containsKey(reference.method())) {
                Splicer.apply(reference.method(), ReferenceLinkCode.splice(reference));
                state.patched.add(reference.method());
                linked.add(reference);
            }
        }
        return linked;
    }
}
