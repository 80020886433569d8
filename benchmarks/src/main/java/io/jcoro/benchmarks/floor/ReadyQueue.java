package io.jcoro.benchmarks.floor;

import java.util.ArrayDeque;

/**
 * S1's floor: a round-robin ready queue of hand-written tasks. Each step takes the next task,
 * runs it to its next yield and queues it again, which is what a coroutine scheduler does per
 * task switch, minus the coroutine.
 */
public final class ReadyQueue {
    /** A task compiled by hand: yields {@code remaining} times, then ends. */
    public static final class YieldingTask {
        private int remaining;

        /** @param yields how many times it yields before it ends */
        public YieldingTask(int yields) {
            this.remaining = yields;
        }

        /** @return true if it yielded, false if it ended */
        boolean step() {
            return remaining-- > 0;
        }
    }

    private final ArrayDeque<YieldingTask> ready = new ArrayDeque<>();

    /** @param task a task to run at the back of the queue */
    public void spawn(YieldingTask task) {
        ready.add(task);
    }

    /** @return how many task switches it made: runs until every task has ended */
    public int run() {
        int switches = 0;
        YieldingTask t;
        while ((t = ready.poll()) != null) {
            switches++;
            if (t.step()) {
                ready.add(t);
            }
        }
        return switches;
    }
}
