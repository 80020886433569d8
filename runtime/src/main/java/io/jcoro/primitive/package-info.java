/**
 * Generators of {@code int}, {@code long} and {@code double} that yield without boxing:
 * {@link io.jcoro.primitive.IntGenerator}, {@link io.jcoro.primitive.LongGenerator} and
 * {@link io.jcoro.primitive.DoubleGenerator}, each a {@link java.util.PrimitiveIterator} with a
 * stream view ({@code IntStream}, {@code LongStream}, {@code DoubleStream}).
 *
 * <pre>{@code
 * IntGenerator squares = IntGenerator.of(() -> {
 *     for (int i = 0; ; i++) {
 *         IntGenerator.yield(i * i);      // Python's yield i * i, with no Integer made
 *     }
 * });
 * int sum = squares.stream().limit(10).sum();
 * }</pre>
 *
 * <h2>How the value travels</h2>
 * A primitive generator drives an ordinary {@link io.jcoro.core.Generator}. Its
 * {@code yield(int)} is an intrinsic, as {@code Co.yield} is: in the calling coroutine the agent
 * replaces the call with code that stores the value's bits in the running generator, and the
 * kind of yield ({@link io.jcoro.core.PrimitiveYield}) where {@code Co.yield} stores its value,
 * then suspends as {@code Co.yield} does. No frame of {@code yield} runs and nothing is
 * allocated per value. The caller's {@code nextInt()} reads the bits with the core's steps
 * ({@code PrimitiveYield}), before the generator is handed back.
 *
 * <p>Layering: uses {@link io.jcoro.core} only (README "Layers").
 */
package io.jcoro.primitive;
