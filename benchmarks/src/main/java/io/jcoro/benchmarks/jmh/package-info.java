/**
 * The JMH benchmarks that run on every JDK: one class per shape, a {@code jcoro} method and a
 * {@code floor} method in each (the hand-written baseline of {@link io.jcoro.benchmarks.floor}).
 * The Loom columns of the same shapes ({@code continuation}, {@code virtualThread}) are the
 * classes of the same names with {@code Loom} in them, in {@code io.jcoro.benchmarks.loom}, built
 * on JDK 21+ only. The report finds a benchmark's shape from its class name and its column from
 * its method name, so keep both when adding one.
 */
package io.jcoro.benchmarks.jmh;
