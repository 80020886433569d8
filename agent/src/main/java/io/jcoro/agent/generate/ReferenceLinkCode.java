package io.jcoro.agent.generate;

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
     * Inserts just before the lambda-creating instruction:
     * <pre>{@code
     * Frames.linkReference(ID_OF_INTERFACE_METHOD, ID_OF_TARGET);
     * CoFunction<P, String> f = P::greet;          // the original instruction
     * }</pre>
     *
     * @param reference the site, patched in place
     */
    public static void apply(ClassCoroutines.Reference reference) {
        InsnList code = new InsnList();
        code.add(Storage.constant(reference.interfaceId()));
        code.add(Storage.constant(reference.targetId()));
        code.add(Storage.frames("linkReference", "(II)V"));
        reference.method().instructions.insertBefore(reference.site(), code);
        reference.method().maxStack += 2;
    }
}
