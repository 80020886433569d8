package io.jcoro.benchmarks.floor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A diagnostic, not a baseline: B1's floor plus the one thing a thread-safe generator's resume
 * does that the floor does not, the compare-and-set that takes it from suspended to running (so
 * that a second, concurrent resume is refused) and the release store back. Its distance from
 * {@link CountingIterator} is what that guard costs on this machine.
 */
public final class GuardedCountingIterator {
    private static final int SUSPENDED = 0;
    private static final int RUNNING = 1;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(GuardedCountingIterator.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final CountingIterator inner = new CountingIterator();
    @SuppressWarnings("unused")         // accessed through STATE
    private volatile int state;

    /** @return the next value, with the state guarded as a generator's is */
    public Integer next() {
        if (!STATE.compareAndSet(this, SUSPENDED, RUNNING)) {
            throw new IllegalStateException("generator already executing");
        }
        Integer v = inner.next();
        STATE.setRelease(this, SUSPENDED);
        return v;
    }
}
