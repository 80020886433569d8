package io.jcoro.benchmarks.heap;

import io.jcoro.benchmarks.jmh.DepthBench;
import io.jcoro.core.CoRunnable;
import io.jcoro.core.Generator;
import java.util.HashMap;
import java.util.Map;

/** M1's jcoro column: generators suspended at their first yield, sharing one body per depth. */
public final class JcoroSuspender implements Suspender {
    private final Map<Integer, CoRunnable> bodies = new HashMap<>();

    @Override
    public String column() {
        return "jcoro";
    }

    @Override
    public Object suspend(int depth) {
        Generator<Integer> g = Generator.of(bodies.computeIfAbsent(depth, DepthBench::body));
        g.next();
        return g;
    }
}
