/**
 * Coroutine sockets for tasks of an {@link io.jcoro.sched.Scheduler}: a
 * {@link io.jcoro.net.Listener} with {@code accept}, a {@link io.jcoro.net.Connection} with
 * {@code recv}, {@code sendAll}, {@code shutdownOutput} and {@code close}, over non-blocking NIO
 * channels and the kernel's read and write waits. The suspending methods are plain
 * {@code @Coroutine} methods (the course's sockwrap.py, without its trampoline), closing never
 * suspends, and a connection that fails is closed and taken off the selector before the
 * error reaches the task. {@link io.jcoro.net.OpenChannels} counts what is still open.
 *
 * <p>Layering: uses {@link io.jcoro.core} and {@link io.jcoro.sched} (README "Layers"; checked by {@code LayeringTest}).
 */
package io.jcoro.net;
