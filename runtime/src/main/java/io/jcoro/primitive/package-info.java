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
 * {@code yield(int)} is a {@code @Coroutine} method of this package (woven with the runtime, so
 * no change to the instrumenter): it writes the value's bits into a slot of the running thread,
 * then suspends with {@code Co.yield} of a shared marker. The caller's {@code nextInt()} reads the
 * slot as soon as the step returns, on the same thread, before any other code of that thread can
 * yield again; so nothing is allocated per value. The price is one more frame on the suspended
 * stack (the {@code yield} method's own), a few nanoseconds per value.
 *
 * <p>Layering: uses {@link io.jcoro.core} only (README "Layers").
 */
package io.jcoro.primitive;
