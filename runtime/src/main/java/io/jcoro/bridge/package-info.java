/**
 * Pipelines across threads and processes: the course's Part 4.
 *
 * <p>{@link io.jcoro.bridge.Threaded} hands items to a downstream chain running on its own
 * thread through a bounded queue (a full queue blocks the sender: back-pressure), and carries
 * close and failures back. {@link io.jcoro.bridge.Pipes} sends items across a child process's
 * pipes ({@code sendto}/{@code recvfrom}) in a compact wire format that carries only the types
 * a {@link io.jcoro.bridge.Codec} declares, never Java serialization of arbitrary objects,
 * and bounds each item ({@link io.jcoro.bridge.ReadLimits});
 * {@link io.jcoro.bridge.Coprocess} and {@link io.jcoro.bridge.ChildJvm} start the other end,
 * and no child can make the parent lose its output or wait for ever
 * ({@link io.jcoro.bridge.CoprocessLimits}).
 * Two threads sending into one coroutine get "generator already executing" instead of the
 * course's crash; {@code Threaded} is the safe way to share one.
 *
 * <p>For tasks of a {@link io.jcoro.sched.Scheduler}, {@link io.jcoro.bridge.Subprocess} talks to a
 * child process and {@link io.jcoro.bridge.StandardInput} reads this process's input, suspending
 * only the calling task: pump threads move the bytes through bounded buffers
 * ({@link io.jcoro.bridge.PipeReader}, {@link io.jcoro.bridge.PipeWriter}) and wake the task
 * through a future it awaits.
 *
 * <p>Layering: uses {@link io.jcoro.core}, {@link io.jcoro.flow} and {@link io.jcoro.sched} (README "Layers"; checked by {@code LayeringTest}).
 */
package io.jcoro.bridge;
