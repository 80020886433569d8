package io.jcoro.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The method references the handshake accepts: pairs (functional interface method id, target
 * method id) announced where a method reference to a coroutine of another class is created
 * ({@link Frames#linkReference}). A call through such a reference reaches the target through
 * the JVM's adapter, an uninstrumented frame that forwards under another name; the target then
 * holds the interface method's stamp, and this table tells a genuine adapter from a forgotten
 * annotation.
 *
 * <p>Announcements come on every creation of the reference and must be cheap; lookups come only
 * when a frame's own id does not match (a capture through such a reference). An open-addressed
 * table of longs, read without locks and replaced whole (copy on write) when a pair is added:
 * pairs are few (one per reference in the program's source) and never removed.
 */
final class ReferenceLinks {
    private static volatile long[] table = new long[16];
    private static int size;

    private ReferenceLinks() {
    }

    /**
     * @param interfaceId id of the functional interface method
     * @param targetId id of the referenced method
     */
    static void add(int interfaceId, int targetId) {
        long key = key(interfaceId, targetId);
        if (contains(table, key)) {
            return;
        }
        synchronized (ReferenceLinks.class) {
            long[] current = table;
            if (contains(current, key)) {
                return;
            }
            long[] next = (size + 1) * 2 > current.length ? rehash(current, current.length * 2)
                    : current.clone();
            insert(next, key);
            size++;
            table = next;
        }
    }

    /**
     * @param interfaceId the stamp a frame was entered with
     * @param targetId the frame's own id
     * @return whether a method reference links them
     */
    static boolean contains(int interfaceId, int targetId) {
        long key = key(interfaceId, targetId);
        if (contains(table, key)) {
            return true;
        }
        if (AgentLinks.contains(key)) { // inserted where the reference is made, but not run
            add(interfaceId, targetId);
            return true;
        }
        return false;
    }

    /**
     * The links an agent in this class loader has inserted ({@code io.jcoro.agent.PublishedLinks}),
     * asked only when this table has no answer. A method that was running when self-attach
     * re-transformed its class goes on in its old code, so the call announcing a reference it
     * creates never runs; the agent knew the link as it instrumented the class. Looked up once,
     * reflectively: the runtime does not depend on the agent, and woven code runs without one.
     */
    private static final class AgentLinks {
        private static final MethodHandle CONTAINS = find();

        private AgentLinks() {
        }

        static boolean contains(long key) {
            if (CONTAINS == null) {
                return false;
            }
            try {
                return (boolean) CONTAINS.invokeExact(key);
            } catch (Throwable t) {
                return false;
            }
        }

        private static MethodHandle find() {
            try {
                Class<?> links = Class.forName("io.jcoro.agent.PublishedLinks", true,
                        ReferenceLinks.class.getClassLoader());
                return MethodHandles.publicLookup().findStatic(links, "contains",
                        MethodType.methodType(boolean.class, long.class));
            } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
                return null; // no agent here: woven code, or an agent in another loader
            }
        }
    }

    /** Method ids are never 0, so neither is a key: 0 marks an empty slot. */
    private static long key(int interfaceId, int targetId) {
        return ((long) interfaceId << 32) | (targetId & 0xFFFF_FFFFL);
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 40) & mask;
    }

    private static boolean contains(long[] t, long key) {
        int mask = t.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = t[i];
            if (k == key) {
                return true;
            }
            if (k == 0) {
                return false;
            }
        }
    }

    private static void insert(long[] t, long key) {
        int mask = t.length - 1;
        int i = slot(key, mask);
        while (t[i] != 0) {
            i = (i + 1) & mask;
        }
        t[i] = key;
    }

    private static long[] rehash(long[] t, int length) {
        long[] next = new long[length];
        for (long k : t) {
            if (k != 0) {
                insert(next, k);
            }
        }
        return next;
    }
}
