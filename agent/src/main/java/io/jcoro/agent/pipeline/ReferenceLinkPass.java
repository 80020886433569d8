package io.jcoro.agent.pipeline;

import io.jcoro.agent.generate.ReferenceLinkCode;
import io.jcoro.agent.generate.Splicer;
import io.jcoro.agent.identify.ClassCoroutines;

/**
 * Method references to coroutines of other classes: where each is created, the runtime's
 * handshake is told about it ({@link ReferenceLinkCode}). The method's frames stay valid.
 */
public final class ReferenceLinkPass {
    private ReferenceLinkPass() {
    }

    /** @param state the class; adds to {@code patched} */
    public static void run(ClassState state) {
        for (ClassCoroutines.Reference reference : state.found.references()) {
            if (!state.found.refusedMethods().containsKey(reference.method())) {
                Splicer.apply(reference.method(), ReferenceLinkCode.splice(reference));
                state.patched.add(reference.method());
            }
        }
    }
}
