package io.jcoro.benchmarks.kilim;

import io.jcoro.benchmarks.YieldedValues;
import kilim.Generator;
import kilim.Pausable;

/** B1 in Kilim: a generator whose body yields 0, 1, 2, ... (as preallocated boxes) for ever. */
public final class KilimCounter extends Generator<Integer> {
    /** The body, at depth 1: the loop is in the generator's own frame. */
    @Override
    public void execute() throws Pausable {
        int i = 0;
        while (true) {
            this.yield(YieldedValues.box(i));
            i++;
        }
    }
}
