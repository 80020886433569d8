package io.jcoro.benchmarks.loom;

/**
 * The JVM flags of every virtual-thread benchmark's fork: JMH's own benchmark thread is a virtual
 * thread, and the scheduler has one carrier, so the benchmark thread and the coroutine's thread
 * hand off on one carrier without waking another core.
 */
final class VirtualThreadFork {
    static final String EXECUTOR = "-Djmh.executor=VIRTUAL";
    static final String ONE_CARRIER = "-Djdk.virtualThreadScheduler.parallelism=1";

    private VirtualThreadFork() {
    }
}
