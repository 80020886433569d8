package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Generator;
import io.jcoro.tests.Drain;
import io.jcoro.tests.GeneratedClasses;
import io.jcoro.tests.InMemoryJavac;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Classes compiled for Java 8 to 10: a nested class reaches its outer class's private members
 * through static {@code access$NNN} methods javac writes. An accessor of a coroutine is a frame
 * between two coroutines, so it is instrumented too.
 */
class SyntheticAccessorsTest {
    private static final String SOURCE = """
            package old;

            import io.jcoro.core.Co;
            import io.jcoro.core.Coroutine;
            import io.jcoro.core.Generator;
            import java.util.function.Supplier;

            public class Outer implements Supplier<Generator<Object>> {
                private int base = 10;

                @Coroutine
                private int secret(int x) {
                    Co.yield("secret " + x);
                    return x + base;
                }

                @Coroutine
                private static String hidden(String s) {
                    Co.yield("hidden " + s);
                    return s + "!";
                }

                class Inner {
                    @Coroutine
                    Object run() {
                        int a = secret(1);
                        String h = hidden("h");
                        Co.yield(h + a);
                        return new Nested().twice(Outer.this);
                    }
                }

                static class Nested {
                    @Coroutine
                    int twice(Outer o) {
                        return o.secret(2) + o.secret(3);
                    }
                }

                public Generator<Object> get() {
                    return Generator.of(() -> { new Inner().run(); });
                }
            }
            """;

    @Test
    void coroutinesCalledThroughAccessorsSuspend() throws Exception {
        Map<String, byte[]> classes;
        try (InMemoryJavac javac = new InMemoryJavac(Co.class)) {
            classes = javac.compile(Map.of("old.Outer", SOURCE), true, List.of("--release", "8"));
        }
        assertTrue(new String(classes.get("old.Outer"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("access$"), "javac 8 code reaches private members through accessors");
        GeneratedClasses loader = new GeneratedClasses();
        classes.forEach((name, bytes) -> loader.add(name.replace('.', '/'), bytes));
        @SuppressWarnings("unchecked")
        Supplier<Generator<Object>> outer = (Supplier<Generator<Object>>)
                loader.define("old/Outer").getDeclaredConstructor().newInstance();
        assertEquals(List.of("secret 1", "hidden h", "h!11", "secret 2", "secret 3"), Drain.all(outer.get()));
    }
}
