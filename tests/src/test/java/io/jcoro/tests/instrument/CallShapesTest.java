package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.tests.Drain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of call into a coroutine method suspends the whole stack and resumes it. */
class CallShapesTest {

    // ---- static, private, instance ---------------------------------------------------------

    @Coroutine
    static void staticLeaf(String tag) {
        Co.yield(tag + ":1");
        Co.yield(tag + ":2");
    }

    @Coroutine
    private static void privateStatic(String tag) {
        staticLeaf(tag);
    }

    private final String name;

    CallShapesTest() {
        this.name = "me";
    }

    @Coroutine
    private void privateInstance() {
        Co.yield(name + " private");
    }

    @Coroutine
    void instance() {
        privateInstance();
        Co.yield(name + " instance");
    }

    @Test
    void staticPrivateAndInstanceCalls() {
        assertEquals(List.of("s:1", "s:2"), Drain.all(Generator.of(() -> privateStatic("s"))));
        assertEquals(List.of("me private", "me instance"), Drain.all(Generator.of(this::instance)));
    }

    // ---- interfaces, default and static interface methods, overrides -----------------------

    interface Shape {
        @Coroutine
        void describe();

        @Coroutine
        default void twice() {
            describe();
            describe();
        }

        @Coroutine
        static void both(Shape a, Shape b) {
            a.describe();
            b.describe();
            helper();
        }

        @Coroutine
        private static void helper() {
            Co.yield("interface private");
        }
    }

    static class Square implements Shape {
        @Coroutine
        @Override
        public void describe() {
            Co.yield("square");
        }
    }

    static class Circle implements Shape {
        /** Not annotated: an override of a coroutine method is a coroutine anyway. */
        @Override
        public void describe() {
            Co.yield("circle");
        }
    }

    static class BigSquare extends Square {
        @Override
        public void describe() {
            Co.yield("big");
            super.describe();
        }
    }

    abstract static class Base {
        @Coroutine
        abstract int size();

        @Coroutine
        int doubled() {
            return size() * 2;
        }
    }

    static class Ten extends Base {
        @Override
        int size() {
            Co.yield("sizing");
            return 10;
        }
    }

    @Test
    void interfaceDefaultStaticPrivateAndOverrides() {
        assertEquals(List.of("square", "square"), Drain.all(Generator.of(() -> new Square().twice())));
        assertEquals(List.of("circle", "square", "interface private"),
                Drain.all(Generator.of(() -> Shape.both(new Circle(), new Square()))));
        assertEquals(List.of("big", "square"), Drain.all(Generator.of(() -> new BigSquare().describe())));
        Generator<Object> g = Generator.returning(() -> new Ten().doubled());
        assertEquals(List.of("sizing"), Drain.all(g));
        assertEquals(20, (int) g.returnValue());
    }

    // ---- generics, bridges, varargs -----------------------------------------------------------

    interface Transformer<T, R> {
        @Coroutine
        R apply(T input);
    }

    static class Lengths implements Transformer<String, Integer> {
        @Override
        public Integer apply(String input) {
            Co.yield("measuring " + input);
            return input.length();
        }
    }

    @Coroutine
    static <T, R> R applyGeneric(Transformer<T, R> t, T input) {
        return t.apply(input);
    }

    @Coroutine
    static int sumAll(String label, int... values) {
        int sum = 0;
        for (int v : values) {
            Co.yield(label + v);
            sum += v;
        }
        return sum;
    }

    @Test
    void genericBridgeAndVarargs() {
        Generator<Object> g = Generator.returning(() -> applyGeneric(new Lengths(), "hello"));
        assertEquals(List.of("measuring hello"), Drain.all(g));
        assertEquals(5, (int) g.returnValue());

        Generator<Object> v = Generator.returning(() -> sumAll("v", 1, 2, 3));
        assertEquals(List.of("v1", "v2", "v3"), Drain.all(v));
        assertEquals(6, (int) v.returnValue());
    }

    // ---- inner, anonymous, local classes; records; enums ---------------------------------------

    class Inner {
        @Coroutine
        void run() {
            Co.yield("inner of " + name);
        }
    }

    record Point(int x, int y) {
        @Coroutine
        void walk() {
            for (int i = x; i <= y; i++) {
                Co.yield(i);
            }
        }
    }

    enum Op {
        UP {
            @Override
            void step() {
                Co.yield("up");
            }
        },
        DOWN {
            @Override
            void step() {
                Co.yield("down");
            }
        };

        @Coroutine
        abstract void step();
    }

    @Test
    void innerAnonymousLocalRecordEnum() {
        assertEquals(List.of("inner of me"), Drain.all(Generator.of(() -> new Inner().run())));

        Shape anonymous = new Shape() {
            @Override
            public void describe() {
                Co.yield("anonymous");
            }
        };
        assertEquals(List.of("anonymous", "anonymous"), Drain.all(Generator.of(anonymous::twice)));

        class Local implements Shape {
            @Override
            public void describe() {
                Co.yield("local " + name);
            }
        }
        assertEquals(List.of("local me"), Drain.all(Generator.of(() -> new Local().describe())));

        assertEquals(List.of(2, 3, 4), Drain.all(Generator.of(() -> new Point(2, 4).walk())));

        Generator<Object> ops = Generator.of(() -> {
            for (Op op : Op.values()) {
                op.step();
            }
        });
        assertEquals(List.of("up", "down"), Drain.all(ops));
    }
}
