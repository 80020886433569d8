package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values on the operand stack across a suspending call are saved and restored: the suspension
 * happens in the middle of an expression. Each test sends values in so a wrong restore shows.
 */
class OperandStackTest {

    /** Yields {@code label} and returns the int sent back. */
    @Coroutine
    static int ask(String label) {
        Integer v = Co.yield(label);
        return v;
    }

    @Coroutine
    static long askLong(String label) {
        Long v = Co.yield(label);
        return v;
    }

    static int combine(int a, int b, int c) {
        return a * 100 + b * 10 + c;
    }

    /** Runs the generator, answering each yielded label from the list, and returns the result. */
    static Object run(Generator<String> g, Object... answers) {
        List<String> labels = new ArrayList<>();
        labels.add(g.next());
        for (int i = 0; i < answers.length; i++) {
            if (i == answers.length - 1) {
                try {
                    g.send(answers[i]);
                } catch (io.jcoro.core.StopIteration done) {
                    return done.value();
                }
                throw new AssertionError("expected the body to finish");
            }
            labels.add(g.send(answers[i]));
        }
        throw new AssertionError("no answers");
    }

    @Test
    void binaryExpression() {
        int a = 7;
        assertEquals(7 + 5, run(Generator.returning(() -> a + ask("x")), 5));
    }

    @Test
    void argumentsBeforeTheSuspendingOne() {
        int x = 1;
        int y = 2;
        assertEquals(123, run(Generator.returning(() -> combine(x, y, ask("z"))), 3));
        assertEquals(312, run(Generator.returning(() -> combine(ask("a"), x, ask("b"))), 3, 2));
    }

    @Test
    void compoundAssignmentToArrayElement() {
        int[] arr = {10, 20, 30};
        int i = 1;
        Generator<String> g = Generator.returning(() -> {
            arr[i] += ask("inc");
            return arr[i];
        });
        assertEquals(25, run(g, 5));
        assertArrayEquals(new int[] {10, 25, 30}, arr);
    }

    record Pair(Object left, Object right) {
    }

    @Test
    void constructorArgumentsSuspend() {
        Generator<String> g = Generator.returning(() -> new Pair("L", ask("right")));
        assertEquals(new Pair("L", 9), run(g, 9));

        Generator<String> nested = Generator.returning(() -> new Pair(new Pair(ask("a"), "b"), new Pair("c", ask("d"))));
        assertEquals(new Pair(new Pair(1, "b"), new Pair("c", 2)), run(nested, 1, 2));

        Generator<String> list = Generator.returning(() -> new ArrayList<>(List.of(ask("size"), ask("more"))));
        assertEquals(List.of(4, 5), run(list, 4, 5));
    }

    @Test
    void stringConcatenationArrayCreationAndTernary() {
        String s = "s";
        assertEquals("s-3-s", run(Generator.returning(() -> s + "-" + ask("n") + "-" + s), 3));
        Generator<String> arr = Generator.returning(() -> {
            int[] a = {1, ask("two"), 3, ask("four")};
            return a[0] + a[1] * 10 + a[2] * 100 + a[3] * 1000;
        });
        assertEquals(1 + 20 + 300 + 4000, run(arr, 2, 4));
        boolean flag = true;
        assertEquals(8, run(Generator.returning(() -> flag ? ask("t") * 2 : ask("f")), 4));
    }

    @Test
    void longAndDoubleBeneathTheCall() {
        long big = 1L << 40;
        double d = 0.5;
        Generator<String> g = Generator.returning(() -> big + (d + ask("i")) + askLong("l"));
        assertEquals((double) (1L << 40) + 2.5 + 7L, run(g, 2, 7L));
    }

    @Test
    void receiverOfAPlainCallAndChains() {
        StringBuilder sb = new StringBuilder("x");
        Generator<String> g = Generator.returning(() -> sb.append(ask("a")).append(ask("b")).toString());
        assertEquals("x12", run(g, 1, 2));
        Generator<String> len = Generator.returning(() -> String.valueOf(ask("v")).length() + ask("w"));
        assertEquals(3 + 1, run(len, 100, 1));
    }

    @Test
    void switchOnASuspendingValue() {
        Generator<String> g = Generator.returning(() -> {
            switch (ask("which")) {
                case 1:
                    return "one";
                case 2:
                    return "two";
                default:
                    return "many";
            }
        });
        assertEquals("two", run(g, 2));
    }
}
