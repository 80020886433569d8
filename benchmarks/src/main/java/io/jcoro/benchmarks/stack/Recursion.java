package io.jcoro.benchmarks.stack;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;

/**
 * The recursive methods {@link RecursionLimit} measures, each twice: plain, and as a
 * {@code @Coroutine} that yields at the bottom of the recursion (so it has a suspension point,
 * and so a capture and a restore block, as a real recursive coroutine does). The twins differ
 * only in that yield. {@link #deepest} records the depth reached, so a {@link StackOverflowError}
 * tells how far the recursion went.
 */
final class Recursion {
    /** The deepest level reached since the last reset. */
    static int deepest;

    private Recursion() {
    }

    // ---- a minimal frame: one int argument ---------------------------------------------------

    static int chain(int n, int bottom) {
        deepest = n;
        if (n == bottom) {
            return 0;
        }
        return chain(n + 1, bottom) + 1;
    }

    @Coroutine
    static int coChain(int n, int bottom) {
        deepest = n;
        if (n == bottom) {
            Co.yield(n);
            return 0;
        }
        return coChain(n + 1, bottom) + 1;
    }

    // ---- a typical frame: a few locals of several types live across the call -----------------

    static long walk(int n, int bottom, long acc, String tag) {
        deepest = n;
        int k = n * 31 + tag.length();
        double scale = 1.0 + (k & 7);
        if (n == bottom) {
            return acc + k;
        }
        long below = walk(n + 1, bottom, acc ^ k, tag);
        return below + (long) (k * scale) + tag.charAt(n & 3);
    }

    @Coroutine
    static long coWalk(int n, int bottom, long acc, String tag) {
        deepest = n;
        int k = n * 31 + tag.length();
        double scale = 1.0 + (k & 7);
        if (n == bottom) {
            Co.yield(n);
            return acc + k;
        }
        long below = coWalk(n + 1, bottom, acc ^ k, tag);
        return below + (long) (k * scale) + tag.charAt(n & 3);
    }
}
