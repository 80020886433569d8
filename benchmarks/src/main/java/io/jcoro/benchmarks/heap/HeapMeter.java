package io.jcoro.benchmarks.heap;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap in use after garbage collection, once the figure has settled: full collections
 * ({@code System.gc()}, which G1 and the other collectors here honour) are repeated, with a short
 * pause for reference processing, until two readings in a row agree to within {@link #SETTLED}
 * bytes.
 */
public final class HeapMeter {
    /** Two readings this close (bytes) count as settled. */
    static final long SETTLED = 64 * 1024;
    private static final int MIN_ROUNDS = 3;
    private static final int MAX_ROUNDS = 20;

    private HeapMeter() {
    }

    /** @return bytes of heap in use after full collections */
    public static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            System.gc();
            try {
                Thread.sleep(20);           // let the reference handler and cleaners run
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long used = memory.getHeapMemoryUsage().getUsed();
            if (round >= MIN_ROUNDS && Math.abs(used - last) <= SETTLED) {
                return Math.min(used, last);
            }
            last = used;
        }
        return last;
    }
}
