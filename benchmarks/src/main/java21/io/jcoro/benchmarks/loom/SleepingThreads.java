package io.jcoro.benchmarks.loom;

import io.jcoro.benchmarks.heap.HeapMeter;

/** S2's baseline: heap bytes per virtual thread asleep in {@code Thread.sleep}. */
public final class SleepingThreads {
    private SleepingThreads() {
    }

    /**
     * @param n how many virtual threads to put to sleep (they stay asleep: end the JVM after)
     * @return heap bytes per sleeping virtual thread
     */
    public static double bytesPerThread(int n) {
        Runnable sleeper = () -> {
            try {
                Thread.sleep(3_600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread[] threads = new Thread[n];
        long before = HeapMeter.usedAfterGc();
        for (int i = 0; i < n; i++) {
            threads[i] = Thread.ofVirtual().start(sleeper);
        }
        for (Thread t : threads) {
            while (t.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
                Thread.yield();
            }
        }
        long after = HeapMeter.usedAfterGc();
        java.lang.ref.Reference.reachabilityFence(threads);
        return (double) (after - before) / n;
    }
}
