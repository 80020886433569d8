/**
 * The floor: what the benchmarked shapes cost written by hand, with no coroutine library. A
 * generator compiled by hand into an {@code Iterator} with an int state and a switch
 * ({@link io.jcoro.benchmarks.floor.CountingIterator}, {@link io.jcoro.benchmarks.floor.OnceIterator});
 * a stack of frames unwound and rewound the way an instrumenter does it, without its generality
 * ({@link io.jcoro.benchmarks.floor.RewindFrames}); the course's plain objects
 * ({@link io.jcoro.benchmarks.floor.GrepHandler}, {@link io.jcoro.benchmarks.floor.NullSink}); and
 * a ready queue of hand-written tasks ({@link io.jcoro.benchmarks.floor.ReadyQueue}).
 */
package io.jcoro.benchmarks.floor;
