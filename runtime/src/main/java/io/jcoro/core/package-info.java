/**
 * The core: coroutine methods, the suspension points, and Python's generator protocol.
 *
 * <ul>
 *   <li>{@link io.jcoro.core.Coroutine} marks a method that may suspend; lambdas of
 *       {@link io.jcoro.core.CoRunnable} and {@link io.jcoro.core.CoSupplier} (or of any
 *       functional interface whose method is annotated) are coroutines without annotation.
 *   <li>{@link io.jcoro.core.Co} holds the suspension points: {@code Co.yield(v)},
 *       {@code Co.receive()}, {@code Co.yieldFrom(sub)}.
 *   <li>{@link io.jcoro.core.Generator} runs a coroutine body step by step with
 *       {@code next}, {@code send}, {@code throwIn} and {@code close}, as CPython's generators;
 *       {@link io.jcoro.core.Sink} is an already started consumer, the course's
 *       {@code @coroutine}.
 *   <li>{@link io.jcoro.core.Jcoro} installs the agent into a running JVM (done on first use,
 *       unless the program was woven at build time: {@link io.jcoro.core.Woven} marks such code).
 *   <li>The contract between the code the agent generates and the runtime lives in
 *       {@code io.jcoro.core.internal}, which is not API: public only because instrumented
 *       classes in any package call it. {@code docs/DESIGN.md} describes it.
 * </ul>
 *
 * <p>Layering: uses no other package: every layer is built on it (README "Layers"; checked by {@code LayeringTest}).
 */
package io.jcoro.core;
