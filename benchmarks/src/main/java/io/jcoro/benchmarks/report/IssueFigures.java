package io.jcoro.benchmarks.report;

/**
 * The figures issue 4 states, which the report compares with: jcoro's targets, and Kilim 2.0.2's
 * heap per suspended generator as the issue quotes it (M1 does not measure Kilim; the JMH shapes
 * do, in the same run as jcoro).
 */
final class IssueFigures {
    private IssueFigures() {
    }

    /** jcoro's target in ns/op for a JMH shape (B2 at depth 10), or NaN. */
    static double targetNanos(String shape) {
        return switch (shape) {
            case "B1" -> 4;
            case "B2" -> 25;
            case "B3" -> 12;
            case "B4" -> 8;
            case "S1" -> 30;
            default -> Double.NaN;
        };
    }

    /** Whether the target also asks for 0 B/op. */
    static boolean targetNoAllocation(String shape) {
        return shape.equals("B1") || shape.equals("B2") || shape.equals("B3");
    }

    /** M1's targets: bytes per suspended generator at depth 1 and 10. */
    static double m1Target(int depth) {
        return depth == 1 ? 100 : 300;
    }

    /** Kilim's M1 figures at depth 1 and 10. */
    static double m1Kilim(int depth) {
        return depth == 1 ? 152 : 432;
    }

    /** S2's target: bytes per sleeping task. */
    static final double S2_TARGET = 200;
    /** N1: jcoro's p99 may be at most this many times the virtual-thread server's. */
    static final double N1_P99_FACTOR = 1.5;
}
