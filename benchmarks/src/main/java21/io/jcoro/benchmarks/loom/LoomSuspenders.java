package io.jcoro.benchmarks.loom;

import io.jcoro.benchmarks.heap.Suspender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** M1's Loom columns: continuation generators and virtual-thread generators at their first yield. */
public final class LoomSuspenders {
    private LoomSuspenders() {
    }

    /** @return the continuation column and the virtual-thread column */
    public static List<Suspender> all() {
        return List.of(new Continuations(), new VirtualThreads());
    }

    private static final class Continuations implements Suspender {
        private final Map<Integer, Runnable> bodies = new HashMap<>();

        @Override
        public String column() {
            return "continuation";
        }

        @Override
        public Object suspend(int depth) {
            ContinuationGenerator g = new ContinuationGenerator(bodies.computeIfAbsent(depth,
                    LoomShapes::continuationBody));
            g.next();
            return g;
        }
    }

    private static final class VirtualThreads implements Suspender {
        private final Map<Integer, Consumer<VirtualThreadGenerator>> bodies = new HashMap<>();

        @Override
        public String column() {
            return "virtualThread";
        }

        @Override
        public Object suspend(int depth) {
            VirtualThreadGenerator g = new VirtualThreadGenerator(bodies.computeIfAbsent(depth, LoomShapes::threadBody));
            g.next();
            return g;
        }

        @Override
        public void awaitSuspended(Object[] all) {
            for (Object o : all) {
                ((VirtualThreadGenerator) o).awaitParked();
            }
        }

        @Override
        public void release(Object[] all) {
            for (Object o : all) {
                ((VirtualThreadGenerator) o).abandon();
            }
        }
    }
}
