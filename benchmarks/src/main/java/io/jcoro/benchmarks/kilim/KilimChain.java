package io.jcoro.benchmarks.kilim;

import io.jcoro.benchmarks.YieldedValues;
import kilim.Generator;
import kilim.Pausable;

/**
 * B2 in Kilim: the incrementing int yielded {@code depth} frames deep, the body included, as
 * {@code DepthBench}'s jcoro body: the body calls a recursive pausable method {@code depth - 1}
 * times, and the innermost call yields in a loop
 * (in the body itself at depth 1).
 */
public final class KilimChain extends Generator<Integer> {
    private final int depth;

    /**
     * @param depth frames on the generator's stack when it yields, at least 1
     * @throws IllegalArgumentException if {@code depth < 1}
     */
    public KilimChain(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("KilimChain(depth): depth must be at least 1, not " + depth);
        }
        this.depth = depth;
    }

    @Override
    public void execute() throws Pausable {
        if (depth > 1) {
            frame(depth - 1);
            return;
        }
        int i = 0;
        while (true) {
            this.yield(YieldedValues.box(i));
            i++;
        }
    }

    /** One frame of the chain: {@code k} frames from here to the yield, this one included. */
    private void frame(int k) throws Pausable {
        if (k > 1) {
            frame(k - 1);
            return;
        }
        int i = 0;
        while (true) {
            this.yield(YieldedValues.box(i));
            i++;
        }
    }
}
