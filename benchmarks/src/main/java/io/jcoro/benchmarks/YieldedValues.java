package io.jcoro.benchmarks;

/**
 * The values every column yields, so that no column pays for boxing and another does not: an
 * "incrementing int" is {@code BOXES[i & MASK]} for an incrementing {@code int i}, one load from
 * a preallocated array of {@link Integer}s. The CPython script does the same with a list.
 */
public final class YieldedValues {
    /** How many distinct boxes there are (a power of two). */
    public static final int COUNT = 1024;
    /** {@code i & MASK} indexes {@link #BOXES}. */
    public static final int MASK = COUNT - 1;
    /** {@code BOXES[k]} is {@code k}, boxed once. */
    private static final Integer[] BOXES = new Integer[COUNT];

    static {
        for (int k = 0; k < COUNT; k++) {
            BOXES[k] = k;
        }
    }

    private YieldedValues() {
    }

    /**
     * @param i any int
     * @return the preallocated box of {@code i & MASK}
     */
    public static Integer box(int i) {
        return BOXES[i & MASK];
    }
}
