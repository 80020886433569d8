package io.jcoro.benchmarks.report;

import java.util.List;

/** The shapes and columns the report shows, in its order, and what it calls them. */
final class Shapes {
    /** The JMH shapes, in the order of the tables; B2 is shown at depth {@link #SUMMARY_DEPTH} there. */
    static final List<String> JMH = List.of("B1", "B2", "B3", "B4", "S1");
    /** Every column in table order: jcoro, then the baselines. */
    static final List<String> COLUMNS = List.of("jcoro", "floor", "continuation", "virtualThread", "kilim");
    /** Baseline columns in table order. */
    static final List<String> BASELINES = COLUMNS.subList(1, COLUMNS.size());
    /** The depth at which B2 stands for all depths in the summary tables. */
    static final int SUMMARY_DEPTH = 10;

    private Shapes() {
    }

    /** @return the depth a shape is shown at in the summary tables (0: no depth) */
    static int summaryDepth(String shape) {
        return shape.equals("B2") ? SUMMARY_DEPTH : 0;
    }

    /** @return the key of CPython's figure for that shape and depth */
    static String pythonKey(String shape, int depth) {
        return shape.equals("B2") ? "B2/" + depth : shape;
    }

    static String shapeName(String shape) {
        return switch (shape) {
            case "B1" -> "B1 yield, depth 1";
            case "B2" -> "B2 yield, depth " + SUMMARY_DEPTH;
            case "B3" -> "B3 grep pipeline (one line)";
            case "B4" -> "B4 spawn (create, one yield, end)";
            case "S1" -> "S1 task switch";
            default -> shape;
        };
    }

    static String columnName(String column, String shape) {
        return switch (column) {
            case "jcoro" -> "jcoro";
            case "floor" -> shape.equals("B3") ? "plain objects" : "floor";
            case "continuation" -> "Loom Continuation";
            case "virtualThread" -> "virtual threads";
            case "kilim" -> "Kilim 2.0.2";
            default -> column;
        };
    }
}
