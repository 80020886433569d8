package io.jcoro.benchmarks.kilim;

import io.jcoro.benchmarks.YieldedValues;
import kilim.Generator;
import kilim.Pausable;

/** B4 in Kilim: a generator that yields once (the preallocated 1) and ends. */
public final class KilimOnce extends Generator<Integer> {
    @Override
    public void execute() throws Pausable {
        this.yield(YieldedValues.box(1));
    }
}
