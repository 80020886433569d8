package io.jcoro.agent.pipeline;

import io.jcoro.agent.generate.RefusalCode;
import io.jcoro.agent.generate.Splicer;
import io.jcoro.agent.identify.ClassCoroutines;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * What identification refused: a method that cannot be a coroutine gets a body that throws the
 * reason, and a method reference that cannot be a coroutine body throws it where it is created.
 * Runs before the coroutine methods are analysed: code after such a site becomes unreachable.
 */
public final class RefusalPass {
    private RefusalPass() {
    }

    /** @param state the class; adds to {@code changed} */
    public static void run(ClassState state) {
        for (ClassCoroutines.RefusedBody site : state.found.refusedBodies()) {
            state.log.refused(site.message());
            Splicer.apply(site.method(), RefusalCode.failAt(site.method(), site.site(), site.message()));
            state.changed.add(site.method());
        }
        for (Map.Entry<MethodNode, String> e : state.found.refusedMethods().entrySet()) {
            state.log.refused(e.getValue());
            if ((e.getKey().access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0) {
                Splicer.replaceBody(e.getKey(), RefusalCode.throwing(e.getValue()));
                state.changed.add(e.getKey());
            }
        }
    }
}
