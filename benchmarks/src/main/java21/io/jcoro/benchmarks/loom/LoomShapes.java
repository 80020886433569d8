package io.jcoro.benchmarks.loom;

import io.jcoro.benchmarks.YieldedValues;
import java.util.function.Consumer;

/**
 * The benchmark bodies for the two Loom columns, frame for frame the jcoro ones: a counter that
 * yields {@code box(i)} for ever, reached through {@code depth - 1} recursive calls below the body.
 */
final class LoomShapes {
    private LoomShapes() {
    }

    /** A continuation generator's body that yields {@code depth} frames deep. */
    static Runnable continuationBody(int depth) {
        if (depth == 1) {
            return () -> count(ContinuationGenerator.current());
        }
        int below = depth - 1;
        return () -> frame(ContinuationGenerator.current(), below);
    }

    private static void frame(ContinuationGenerator g, int k) {
        if (k > 1) {
            frame(g, k - 1);
            return;
        }
        count(g);
    }

    private static void count(ContinuationGenerator g) {
        int i = 0;
        while (true) {
            g.yieldValue(YieldedValues.box(i));
            i++;
        }
    }

    /** A virtual-thread generator's body that yields {@code depth} frames deep. */
    static Consumer<VirtualThreadGenerator> threadBody(int depth) {
        if (depth == 1) {
            return LoomShapes::count;
        }
        int below = depth - 1;
        return g -> frame(g, below);
    }

    private static void frame(VirtualThreadGenerator g, int k) {
        if (k > 1) {
            frame(g, k - 1);
            return;
        }
        count(g);
    }

    private static void count(VirtualThreadGenerator g) {
        int i = 0;
        while (true) {
            g.yieldValue(YieldedValues.box(i));
            i++;
        }
    }
}
