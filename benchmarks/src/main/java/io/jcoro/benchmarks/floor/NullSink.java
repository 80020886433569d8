package io.jcoro.benchmarks.floor;

/**
 * benchmark.py's null sink as a plain object. It counts what it receives, so that the JIT
 * cannot drop the filter's work as having no effect.
 */
public final class NullSink {
    private int received;

    /** @param item an item, counted and dropped */
    public void send(Object item) {
        received++;
    }

    /** @return how many items were sent */
    public int received() {
        return received;
    }
}
