package io.jcoro.agent.generate;

import org.objectweb.asm.tree.MethodNode;

/**
 * The one change to a coroutine method that cannot suspend: it takes the handshake stamp its
 * caller left, so that a coroutine it reaches through an uninstrumented frame (reflection, say)
 * does not mistake that stamp for its own. The stack-map frames stay valid: nothing else moves.
 */
public final class StampClearing {
    private StampClearing() {
    }

    /**
     * Inserts at the method's start:
     * <pre>{@code
     * Frames.clearStamp();
     * }</pre>
     *
     * @param method the method, patched in place
     */
    public static void apply(MethodNode method) {
        method.instructions.insert(Storage.frames("clearStamp", "()V"));
    }
}
