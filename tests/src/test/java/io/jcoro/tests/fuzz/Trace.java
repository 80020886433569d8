package io.jcoro.tests.fuzz;

/**
 * What a generated program calls to report what it sees: values it holds (after suspensions,
 * these show whether locals and stack entries survived), events (handlers, {@code finally}
 * blocks), exceptions it caught. Plain static calls, the same in both variants of a program;
 * they write to the transcript of the run on this thread.
 */
public final class Trace {
    private static final ThreadLocal<Transcript> CURRENT = new ThreadLocal<>();

    private Trace() {
    }

    static void begin(Transcript t) {
        CURRENT.set(t);
    }

    static void end() {
        CURRENT.remove();
    }

    private static void add(String line) {
        Transcript t = CURRENT.get();
        if (t == null) {
            throw new IllegalStateException("a generated program ran outside a fuzz run");
        }
        t.add(line);
    }

    /** @param event something that happened, such as "finally 3" */
    public static void e(String event) {
        add("  " + event);
    }

    /** @param name what the value is @param v the value */
    public static void v(String name, int v) {
        add("  " + name + "=" + v);
    }

    /** @param name what the value is @param v the value */
    public static void v(String name, long v) {
        add("  " + name + "=" + v + "L");
    }

    /** @param name what the value is @param v the value */
    public static void v(String name, float v) {
        add("  " + name + "=" + Transcript.value(v));
    }

    /** @param name what the value is @param v the value */
    public static void v(String name, double v) {
        add("  " + name + "=" + Transcript.value(v));
    }

    /**
     * Records a value on its way into a call, such as a primitive yield.
     *
     * @param name what the value is
     * @param v the value
     * @return v
     */
    public static int pass(String name, int v) {
        v(name, v);
        return v;
    }

    /** As {@link #pass(String, int)}. @param name what the value is @param v the value @return v */
    public static long pass(String name, long v) {
        v(name, v);
        return v;
    }

    /** As {@link #pass(String, int)}. @param name what the value is @param v the value @return v */
    public static double pass(String name, double v) {
        v(name, v);
        return v;
    }

    /** @param name what the value is @param v the value */
    public static void v(String name, boolean v) {
        add("  " + name + "=" + v);
    }

    /** @param name what the value is @param v the value */
    public static void v(String name, char v) {
        add("  " + name + "='" + (int) v + "'");
    }

    /** @param name what the value is @param v the value */
    public static void v(String name, byte v) {
        add("  " + name + "=" + v + "b");
    }

    /** @param name what the value is @param v the value */
    public static void v(String name, short v) {
        add("  " + name + "=" + v + "s");
    }

    /** @param name what the value is @param v the value (arrays print their elements) */
    public static void v(String name, Object v) {
        add("  " + name + "=" + Transcript.value(v));
    }

    /** @param where which handler @param t the exception it caught */
    public static void x(String where, Throwable t) {
        Transcript tr = CURRENT.get();
        add("  " + where + " caught " + (tr == null ? t.toString() : tr.exception(t)));
    }

    /**
     * A received value as an int, for programs that compute with what is sent in.
     *
     * @param o a value sent in
     * @return a number derived from it, deterministically
     */
    public static int i(Object o) {
        if (o == null) {
            return 0;
        }
        if (o instanceof Number n) {
            return n.intValue();
        }
        if (o instanceof String s) {
            return s.length();
        }
        return 1;
    }

    /**
     * Keeps two values on the operand stack across a suspending call in its arguments.
     *
     * @param a a value, often null
     * @param b a value
     * @return a description of both
     */
    public static String two(Object a, Object b) {
        return Transcript.value(a) + "&" + Transcript.value(b);
    }
}
