package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.tests.Drain;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzer find: {@code new Foo(... switch (k) { ... try { yield } ... } ...)}. A switch expression
 * containing a try makes javac spill the operand stack into locals, the uninitialized
 * {@code Foo} included, and reload it after each arm; the relocation of NEW;DUP only knew the
 * object on the stack, so the method was refused ("Cannot pop operand off an empty stack"), or,
 * with nothing else on the stack at the suspension, the object was saved uninitialized and the
 * class failed verification.
 */
class ConstructionSpillTest {

    @Coroutine
    static String withYieldInTry(int k) {
        RuntimeException e = new IllegalStateException("v" + switch (k) {
            case 0 -> 1;
            default -> {
                int r;
                try {
                    r = Co.yield("in try");
                } catch (RuntimeException caught) {
                    r = -1;
                }
                yield r;
            }
        });
        return e.getMessage();
    }

    @Coroutine
    static String withReceiveInTry(int k) {
        StringBuilder b = new StringBuilder(switch (k) {
            case 0 -> "zero";
            default -> {
                String r;
                try {
                    r = Co.receive();
                } finally {
                    Co.yield("finally");
                }
                yield r;
            }
        });
        return b.reverse().toString();
    }

    @Coroutine
    static String nested(int k) {
        return new StringBuilder("<" + new IllegalStateException(String.valueOf(switch (k) {
            default -> {
                try {
                    yield Co.<String>yield("inner");
                } catch (IllegalArgumentException e) {
                    yield "caught " + e.getMessage();
                }
            }
        })).getMessage() + ">").toString();
    }

    @Test
    void anObjectSpilledAroundASwitchWithTryIsRelocated() {
        Generator<Object> g = Generator.returning(() -> withYieldInTry(1));
        assertEquals("in try", g.next());
        assertEquals(List.of(), Drain.all(g));
        assertEquals("v-1", g.returnValue(), "next() sends null: unboxing it throws, the handler gives -1");
    }

    @Test
    void sentValuesAndThrownExceptionsReachTheSpilledConstruction() {
        Generator<Object> g = Generator.returning(() -> withYieldInTry(1));
        g.next();
        try {
            g.send(41);
        } catch (io.jcoro.core.StopIteration stop) {
            assertEquals("v41", stop.value());
        }
        Generator<Object> h = Generator.returning(() -> withYieldInTry(1));
        h.next();
        try {
            h.throwIn(new IllegalArgumentException("no"));
        } catch (io.jcoro.core.StopIteration stop) {
            assertEquals("v-1", stop.value());
        }
        Generator<Object> i = Generator.returning(() -> withYieldInTry(0));
        assertEquals(List.of(), Drain.all(i));
        assertEquals("v1", i.returnValue());
    }

    @Test
    void aSpilledObjectWithNothingElseOnTheStack() {
        Generator<Object> g = Generator.returning(() -> withReceiveInTry(2));
        assertEquals(null, g.next());
        assertEquals("finally", g.send("abc"));
        try {
            g.next();
        } catch (io.jcoro.core.StopIteration stop) {
            assertEquals("cba", stop.value());
        }
    }

    @Test
    void nestedConstructionsAroundASpill() {
        Generator<Object> g = Generator.returning(() -> nested(3));
        assertEquals("inner", g.next());
        try {
            g.throwIn(new IllegalArgumentException("x"));
        } catch (io.jcoro.core.StopIteration stop) {
            assertEquals("<caught x>", stop.value());
        }
    }
}
