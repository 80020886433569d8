package io.jcoro.agent.generate;

import io.jcoro.agent.contract.RuntimeNames;
import org.objectweb.asm.tree.InsnList;

/**
 * The one change to a coroutine method that cannot suspend: it takes the handshake stamp its
 * caller left, so that a coroutine it reaches through an uninstrumented frame (reflection, say)
 * does not mistake that stamp for its own. The stack-map frames stay valid: nothing else moves.
 */
public final class StampClearing {
    private StampClearing() {
    }

    /**
     * To put at the method's start:
     * <pre>{@code
     * Frames.clearStamp();
     * }</pre>
     *
     * @return the splice
     */
    public static Splice splice() {
        InsnList code = new InsnList();
        code.add(Storage.invoke(RuntimeNames.CLEAR_STAMP));
        return new Splice().atStart(code);
    }
}
