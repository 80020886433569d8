package io.jcoro.benchmarks.heap;

import io.jcoro.benchmarks.floor.CountingIterator;
import io.jcoro.benchmarks.floor.RewindFrames;
import java.util.Iterator;

/**
 * M1's floor: B1's hand-written state machine at depth 1, B2's hand-written rewinding frames
 * deeper, each advanced to its first yield.
 */
public final class FloorSuspender implements Suspender {
    @Override
    public String column() {
        return "floor";
    }

    @Override
    public Object suspend(int depth) {
        Iterator<Integer> it = depth == 1 ? new CountingIterator() : new RewindFrames(depth);
        it.next();
        return it;
    }
}
