package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code new Foo(suspendingCall())}: the agent moves the object's creation after the arguments
 * (an object under construction cannot be saved), but Foo's static initializer still runs
 * where the JVM specifies, before the arguments are evaluated.
 */
class ConstructionOrderTest {
    static final List<String> EVENTS = new ArrayList<>();

    static final class First {
        static {
            EVENTS.add("First initialized");
        }

        final String value;

        First(String value) {
            this.value = value;
        }
    }

    static final class Second {
        static {
            EVENTS.add("Second initialized");
        }

        final String value;

        Second(int k, String value) {
            this.value = k + value;
        }
    }

    @Coroutine
    static String argument(String s) {
        EVENTS.add("argument " + s);
        Co.yield(s);
        EVENTS.add("resumed " + s);
        return s;
    }

    @Coroutine
    static void build(int k) {
        First a = new First(argument("a"));
        Second b = new Second(k, switch (k) {
            default -> {
                try {
                    yield argument("b");
                } finally {
                    EVENTS.add("finally");
                }
            }
        });
        EVENTS.add(a.value + b.value);
    }

    @Test
    void staticInitializersRunBeforeTheArguments() {
        for (Object ignored : Generator.of(() -> build(7))) {
            EVENTS.add("yielded");
        }
        assertEquals(List.of("First initialized", "argument a", "yielded", "resumed a",
                "Second initialized", "argument b", "yielded", "resumed b", "finally", "a7b"), EVENTS);
    }
}
