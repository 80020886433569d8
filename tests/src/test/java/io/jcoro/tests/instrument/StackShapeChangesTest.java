package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.StopIteration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outer frames' saved records survive an inner stack that changes shape between suspensions.
 * Records lie innermost first, so whatever an inner frame saves decides where every outer record
 * sits: exercised with the innermost frame suspending at points that save different amounts (its
 * record grows and shrinks under the outer ones), a middle frame whose call returns and that
 * calls a chain of another depth, an exception thrown in and caught halfway up, and the saved
 * frames read between steps. Every frame's values come back on the way out, so an outer record
 * overwritten or misplaced shows in the result. The oracle is the same program written as plain
 * methods, whose yields answer from the same script. (Written for a layout that kept unchanged
 * outer records in place, measured and not adopted: benchmarks/NOTES.md, issue 13 item 2.)
 */
class StackShapeChangesTest {
    /** The plain twin's yield, and its stack of method names (innermost on top). */
    private static final class Plain {
        final Deque<String> stack = new ArrayDeque<>();
        final List<String> trace = new ArrayList<>();
        int step;

        Object yield(Object v) {
            trace.add(String.valueOf(v));
            trace.add(stack.size() + " " + String.join(" ", stack));
            step++;
            if ("c:1".equals(v)) {
                throw new IllegalStateException("boom" + step);
            }
            return "v" + step;
        }
    }

    @Coroutine
    static String bottom(String tag, int rounds) {
        StringBuilder out = new StringBuilder(tag);
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                Object sent = Co.yield(tag + ":" + i);
                out.append('<').append(sent).append('>');
            } else { // a larger record: three longs and two references more
                long a = i * 1_000_003L;
                long b = -a * 7;
                String s = "s" + i;
                double d = i / 4.0;
                Object sent = Co.yield(tag + ":" + i + "/" + s);
                out.append('[').append(a + b).append(s).append(d).append(sent).append(']');
            }
        }
        return out.toString();
    }

    static String bottom(Plain y, String tag, int rounds) {
        y.stack.push("bottom");
        try {
            StringBuilder out = new StringBuilder(tag);
            for (int i = 0; i < rounds; i++) {
                if (i % 2 == 0) {
                    Object sent = y.yield(tag + ":" + i);
                    out.append('<').append(sent).append('>');
                } else {
                    long a = i * 1_000_003L;
                    long b = -a * 7;
                    String s = "s" + i;
                    double d = i / 4.0;
                    Object sent = y.yield(tag + ":" + i + "/" + s);
                    out.append('[').append(a + b).append(s).append(d).append(sent).append(']');
                }
            }
            return out.toString();
        } finally {
            y.stack.pop();
        }
    }

    /** {@code depth} frames above {@link #bottom}, each with values of every kind live across its call. */
    @Coroutine
    static String chain(int depth, String tag, int rounds) {
        if (depth == 0) {
            return bottom(tag, rounds);
        }
        long l = depth * 31L;
        double d = depth + 0.5;
        String s = tag + depth;
        String below = chain(depth - 1, tag, rounds);
        return s + "(" + l + "," + d + ")" + below;
    }

    static String chain(Plain y, int depth, String tag, int rounds) {
        y.stack.push("chain");
        try {
            if (depth == 0) {
                return bottom(y, tag, rounds);
            }
            long l = depth * 31L;
            double d = depth + 0.5;
            String s = tag + depth;
            String below = chain(y, depth - 1, tag, rounds);
            return s + "(" + l + "," + d + ")" + below;
        } finally {
            y.stack.pop();
        }
    }

    /**
     * Runs between calls: two chains of different depths one after the other under the
     * outer frames, then a chain into which an exception is thrown, caught here, and one more
     * yield.
     */
    @Coroutine
    static String middle(int first, int second) {
        String kept = "m" + first + second;
        String a = chain(first, "a", 3);
        String b = chain(second, "b", 4);
        String c;
        try {
            c = chain(2, "c", 2);
        } catch (IllegalStateException e) {
            c = "caught " + e.getMessage() + ":" + Co.yield("after catch");
        }
        return kept + "|" + a + "|" + b + "|" + c;
    }

    static String middle(Plain y, int first, int second) {
        y.stack.push("middle");
        try {
            String kept = "m" + first + second;
            String a = chain(y, first, "a", 3);
            String b = chain(y, second, "b", 4);
            String c;
            try {
                c = chain(y, 2, "c", 2);
            } catch (IllegalStateException e) {
                c = "caught " + e.getMessage() + ":" + y.yield("after catch");
            }
            return kept + "|" + a + "|" + b + "|" + c;
        } finally {
            y.stack.pop();
        }
    }

    @Coroutine
    static String outer(int depth, int first, int second) {
        if (depth == 0) {
            return middle(first, second);
        }
        int i = depth;
        String s = "o" + depth;
        return s + i + "{" + outer(depth - 1, first, second) + "}";
    }

    static String outer(Plain y, int depth, int first, int second) {
        y.stack.push("outer");
        try {
            if (depth == 0) {
                return middle(y, first, second);
            }
            int i = depth;
            String s = "o" + depth;
            return s + i + "{" + outer(y, depth - 1, first, second) + "}";
        } finally {
            y.stack.pop();
        }
    }

    /** Drives the generator as {@link Plain#yield} answers; its trace, then its return value. */
    private static List<String> drive(Generator<Object> g) {
        List<String> trace = new ArrayList<>();
        int step = 0;
        try {
            Object v = g.next();
            while (true) {
                trace.add(String.valueOf(v));
                List<String> frames = new ArrayList<>();
                for (StackTraceElement frame : g.suspendedFrames()) {
                    if (!frame.getMethodName().startsWith("lambda$")) { // the body, which the twin lacks
                        frames.add(frame.getMethodName());
                    }
                }
                StringBuilder names = new StringBuilder().append(frames.size());
                for (String name : frames) {
                    names.append(' ').append(name);
                }
                trace.add(names.toString());
                step++;
                v = "c:1".equals(v) ? g.throwIn(new IllegalStateException("boom" + step)) : g.send("v" + step);
            }
        } catch (StopIteration end) {
            trace.add(String.valueOf(end.value()));
            return trace;
        }
    }

    @Test
    void outerFramesKeepTheirRecordsWhileInnerOnesChangeSize() {
        for (int[] shape : new int[][] {{3, 1, 6}, {5, 6, 0}, {0, 2, 2}, {1, 0, 9}, {40, 3, 30}}) {
            Plain plain = new Plain();
            String result = outer(plain, shape[0], shape[1], shape[2]);
            List<String> expected = new ArrayList<>(plain.trace);
            expected.add(result);
            assertEquals(expected, drive(Generator.returning(() -> outer(shape[0], shape[1], shape[2]))),
                    "shape " + Arrays.toString(shape));
        }
    }
}
