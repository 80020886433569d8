package io.jcoro.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.StopIteration;
import io.jcoro.tests.Drain;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Generator.of} for a body that returns nothing, {@code Generator.returning} for one that
 * returns a value, and the return value read as an {@code Object} or checked to a type. Each
 * call here failed to compile ("ambiguous") when both factories were named {@code of} and the
 * return value had a free type parameter; that they compile is half of the test.
 */
class FactoriesTest {

    /** Overloaded: a method reference to it is inexact, so overloads taking it were ambiguous. */
    @Coroutine
    static int total(int n) {
        int sum = 0;
        for (int i = 1; i <= n; i++) {
            Co.yield(i);
            sum += i;
        }
        return sum;
    }

    @Coroutine
    static int total() {
        return total(3);
    }

    /** Generic: likewise inexact. */
    @Coroutine
    static <R> R echo() {
        return Co.yield("echo");
    }

    @Test
    void returningKeepsTheValueOfAnOverloadedMethodReference() {
        Generator<Integer> g = Generator.returning(FactoriesTest::total);
        assertEquals(List.of(1, 2, 3), Drain.all(g));
        assertEquals(6, g.returnValue());
    }

    @Test
    void ofRunsTheSameMethodAsAStatementAndDropsItsValue() {
        Generator<Integer> g = Generator.of(FactoriesTest::total);
        assertEquals(List.of(1, 2, 3), Drain.all(g));
        assertNull(g.returnValue());
    }

    @Test
    void aGenericMethodReference() {
        Generator<Object> g = Generator.returning(FactoriesTest::echo);
        assertEquals("echo", g.next());
        StopIteration stop = assertThrows(StopIteration.class, () -> g.send("sent"));
        assertEquals("sent", stop.value());
        assertEquals("sent", stop.value(String.class));
    }

    @Test
    void theReturnValueIsAnObjectThatOverloadedMethodsAccept() {
        Generator<Integer> g = Generator.returning(() -> total(2));
        Drain.all(g);
        StringBuilder sb = new StringBuilder().append(g.returnValue());
        sb.append('/').append(g.returnValue(Integer.class) + 1).append('/').append((int) g.returnValue() * 10);
        assertEquals("3/4/30", sb.toString());
        assertThrows(ClassCastException.class, () -> g.returnValue(String.class));
    }

    @Test
    void autoClosingReturningKeepsTheValueToo() {
        Generator<Integer> g = Generator.autoClosingReturning(() -> total(2));
        assertEquals(List.of(1, 2), Drain.all(g));
        assertEquals(3, g.returnValue(Integer.class));
    }

    @Test
    void aYieldFromReceivesTheReturningGeneratorsValue() {
        Generator<Object> outer = Generator.returning(() -> {
            Object sub = Co.yieldFrom(Generator.returning(() -> total(2)));
            Co.yield("sub returned " + sub);
            return "done";
        });
        assertEquals(List.of(1, 2, "sub returned 3"), Drain.all(outer));
        assertEquals("done", outer.returnValue());
    }
}
