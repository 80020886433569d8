package io.jcoro.agent.identify;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What identification found in one class.
 *
 * @param coroutines the methods to instrument, each with the stamps it accepts on entry besides
 *                   the generator's (its own id, and the id of every coroutine functional
 *                   interface method it implements as a lambda body)
 * @param refusedMethods coroutine methods that cannot be instrumented, with the reason; their
 *                       bodies become a throw of that reason
 * @param refusedBodies lambda sites that would make a coroutine body of a non-coroutine method
 * @param references method references to coroutines of other classes, whose handshake the
 *                   runtime must be told about where they are created
 */
public record ClassCoroutines(Map<MethodNode, Set<Integer>> coroutines,
                              Map<MethodNode, String> refusedMethods,
                              List<RefusedBody> refusedBodies,
                              List<Reference> references) {

    /**
     * A method reference whose target is a coroutine of another class, such as
     * {@code CoFunction<P, String> f = P::greet}. The call {@code f.apply(p)} announces
     * {@code apply}'s id; the JVM's adapter in between takes no part in the handshake, so
     * {@code greet} is entered with that id and must be told it may accept it.
     *
     * @param method the method containing the site
     * @param site the lambda-creating instruction
     * @param interfaceId the id of the functional interface method
     * @param targetId the id of the referenced method
     */
    public record Reference(MethodNode method, InvokeDynamicInsnNode site, int interfaceId, int targetId) {
    }

    /**
     * A method reference used as a coroutine body whose target cannot suspend.
     *
     * @param method the method containing the site
     * @param site the lambda-creating instruction
     * @param message the error raised when the site runs
     */
    public record RefusedBody(MethodNode method, InvokeDynamicInsnNode site, String message) {
    }

    /** @return whether the class needs no change at all */
    public boolean isEmpty() {
        return coroutines.isEmpty() && refusedMethods.isEmpty() && refusedBodies.isEmpty()
                && references.isEmpty();
    }
}
