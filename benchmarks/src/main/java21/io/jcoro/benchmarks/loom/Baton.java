package io.jcoro.benchmarks.loom;

import java.util.concurrent.locks.LockSupport;

/**
 * The fastest hand-off between two virtual threads found here: one volatile field says whose
 * turn it is, the other side parks. With the virtual-thread scheduler at parallelism 1 both run
 * on one carrier, and a hand-off is an unpark (queue the other thread) and a park (unmount this
 * one). (Measured against an {@code Exchanger} and a {@code SynchronousQueue}, on one and two
 * carriers: this was the fastest; see BENCHMARKS.md.)
 */
final class Baton {
    /** Checks of the turn before parking ({@code -Djcoro.bench.spins}); 0 parks at once. */
    private static final int SPINS = Integer.getInteger("jcoro.bench.spins", 0);

    private volatile Thread holder;

    /** @param first the thread whose turn it is at the start */
    Baton(Thread first) {
        this.holder = first;
    }

    /** Gives the turn to {@code next} and wakes it. */
    void passTo(Thread next) {
        holder = next;
        LockSupport.unpark(next);
    }

    /** Parks until it is {@code me}'s turn. */
    void await(Thread me) {
        for (int i = 0; i < SPINS && holder != me; i++) {
            Thread.onSpinWait();
        }
        while (holder != me) {
            LockSupport.park(this);
        }
    }
}
