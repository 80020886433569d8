package io.jcoro.agent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every cross-class method reference the agent has linked ({@code Frames.linkReference}), kept
 * from the moment its class is instrumented. The call inserted where a reference is created runs
 * only when that code runs, and a method that was already running when self-attach re-transformed
 * its class ({@code main}, typically) goes on in its old code: its references were never
 * announced. The runtime asks here when a frame's stamp is neither its own nor a link it was told
 * about ({@code ReferenceLinks}), so such references work too. Woven code needs no agent: its
 * announcing calls ran before any of its references could be called.
 */
public final class PublishedLinks {
    private static final Set<Long> LINKS = ConcurrentHashMap.newKeySet();

    private PublishedLinks() {
    }

    /**
     * @param interfaceId the id of the functional interface's method
     * @param targetId the id of the coroutine the reference names
     */
    static void add(int interfaceId, int targetId) {
        LINKS.add(key(interfaceId, targetId));
    }

    /**
     * Called by the runtime, reflectively (it does not depend on the agent), on its slow path.
     *
     * @param key {@code interfaceId << 32 | targetId}, as the runtime's table keys a link
     * @return whether the agent linked that pair
     */
    public static boolean contains(long key) {
        return LINKS.contains(key);
    }

    private static long key(int interfaceId, int targetId) {
        return ((long) interfaceId << 32) | (targetId & 0xFFFF_FFFFL);
    }
}
