package io.jcoro.tests.fuzz;

/**
 * A small mutable object the generated programs construct (often as
 * {@code new Box(x, suspendingCall())}), keep live across suspensions and print.
 */
public final class Box {
    /** A number the programs read and update. */
    public int x;
    /** A label the programs read and update. */
    public String s;

    /**
     * @param x the number
     * @param s the label
     */
    public Box(int x, String s) {
        this.x = x;
        this.s = s;
    }

    @Override
    public String toString() {
        return "Box(" + x + "," + s + ")";
    }
}
