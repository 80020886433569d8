/**
 * The JDK's own answers, JDK 21+ only (this source directory is compiled by the
 * {@code loom-baselines} Maven profile): generators and sinks on {@code jdk.internal.vm.Continuation}
 * (needs {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} to compile and to run), and on
 * virtual threads handing a baton back and forth with park/unpark. The JMH classes here are the
 * Loom columns of the shapes in {@link io.jcoro.benchmarks.jmh}; the others serve the heap, scheduler
 * and echo measurements. jcoro itself never uses any of this.
 */
package io.jcoro.benchmarks.loom;
