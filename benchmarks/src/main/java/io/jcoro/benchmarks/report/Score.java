package io.jcoro.benchmarks.report;

/**
 * One measured figure: a shape, a column, and for B2 a depth.
 *
 * @param shape      B1, B2, B3, B4 or S1
 * @param column     jcoro, floor, continuation, virtualThread or cpython
 * @param depth      B2's depth, 0 for the other shapes
 * @param nanos      nanoseconds per op (the median of JMH's iterations, or timeit's best)
 * @param error      JMH's 99.9% confidence half-width, NaN if unknown
 * @param bytesPerOp allocation per op from {@code -prof gc}, NaN if not measured
 */
public record Score(String shape, String column, int depth, double nanos, double error, double bytesPerOp) {
}
