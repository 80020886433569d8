/**
 * How deep a coroutine can recurse on a thread's stack, against the same method uninstrumented
 * ({@link io.jcoro.benchmarks.stack.RecursionLimit}). A harness, not a JMH benchmark: the figure
 * is a count of frames, so it needs no timing, but it depends on which tier of the JVM runs the
 * frames, which is why it is taken cold, warm and in each tier forced.
 */
package io.jcoro.benchmarks.stack;
