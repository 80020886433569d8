/**
 * What a suspended coroutine weighs, measured outside JMH: M1 (retained heap per suspended
 * generator, at depth 1 and 10) and S2 (per sleeping scheduler task). Each figure is the heap in
 * use after full collections with N of them alive, minus the same before, divided by N
 * ({@link io.jcoro.benchmarks.heap.HeapMeter}). Each runs in a JVM of its own, started by the
 * runner with the agent.
 */
package io.jcoro.benchmarks.heap;
