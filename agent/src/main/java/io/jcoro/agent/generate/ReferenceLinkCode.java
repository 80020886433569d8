package io.jcoro.agent.generate;

import io.jcoro.agent.contract.RuntimeNames;
import io.jcoro.agent.identify.ClassCoroutines;
import org.objectweb.asm.tree.InsnList;

/**
 * Announces a method reference to a coroutine of another class where it is created, so that
 * the handshake accepts the JVM's adapter between the interface call and the target (see
 * {@code Frames.linkReference}). Nothing else moves: the method's stack-map frames stay valid.
 */
public final class ReferenceLinkCode {
    private ReferenceLinkCode() {
    }

    /**
     * To put just before the lambda-creating instruction:
     * <pre>{@code
     * Frames.linkReference(ID_OF_INTERFACE_METHOD, ID_OF_TARGET);
     * CoFunction<P, String> f = P::greet;          // the original instruction
     * }</pre>
     *
     * @param reference the site
     * @return the splice for its method (whose frames stay as they are)
     */
    public static Splice splice(ClassCoroutines.Reference reference) {
        InsnList code = new InsnList();
        code.add(Storage.constant(reference.interfaceId()));
        code.add(Storage.constant(reference.targetId()));
        code.add(Storage.invoke(RuntimeNames.LINK_REFERENCE));
        return new Splice().before(reference.method().instructions.indexOf(reference.site()), code).growStack(2);
    }
}
