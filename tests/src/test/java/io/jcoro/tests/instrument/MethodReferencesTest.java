package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.CoSupplier;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.NotInstrumentedException;
import io.jcoro.tests.instrument.other.Greeter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every method-reference form javac accepts for a {@code @Coroutine} functional interface. Many
 * go through an adapter the JVM generates (to unbox, cast, call on the first argument, collect
 * varargs): it receives the call's arguments again on every resume, and a target in another
 * class is reached under the interface method's name.
 */
class MethodReferencesTest {

    @FunctionalInterface
    interface CoFunction<A, R> {
        @Coroutine
        R apply(A a);
    }

    @FunctionalInterface
    interface CoIntFunction {
        @Coroutine
        int apply(Integer a);
    }

    @FunctionalInterface
    interface CoLongFunction {
        @Coroutine
        long apply(int a);
    }

    @FunctionalInterface
    interface CoVarargs {
        @Coroutine
        String apply(String a, String b);
    }

    static class P {
        final int offset;

        P(int offset) {
            this.offset = offset;
        }

        @Coroutine
        String greet() {
            Co.yield("greet " + offset);
            return "hi " + offset;
        }

        @Coroutine
        static int twice(int x) {
            Co.yield("twice " + x);
            return 2 * x;
        }

        @Coroutine
        int plus(int x) {
            Co.yield("plus " + x);
            return x + offset;
        }

        @Coroutine
        Integer boxed(Integer x) {
            Co.yield("boxed " + x);
            return x + offset;
        }

        @Coroutine
        static long widened(long x) {
            Co.yield("widened " + x);
            return x * 3;
        }

        @Coroutine
        static String join(String... parts) {
            Co.yield("join " + parts.length);
            return String.join("+", parts);
        }
    }

    /** Runs a body to its end: every value it yields, then what it returned. */
    private static List<Object> run(CoSupplier<Object> body) {
        Generator<Object> g = Generator.returning(body);
        List<Object> seen = new ArrayList<>();
        for (Object v : g) {
            seen.add(v);
        }
        seen.add(g.returnValue());
        return seen;
    }

    @Test
    void unboundReceiver() {
        P p = new P(1);
        assertEquals(List.of("greet 1", "hi 1"), run(() -> {
            CoFunction<P, String> f = P::greet;
            return f.apply(p);
        }));
    }

    @Test
    void staticWithUnboxingAndBoxing() {
        assertEquals(List.of("twice 4", 8), run(() -> {
            CoFunction<Integer, Integer> f = P::twice;
            return f.apply(4);
        }));
    }

    @Test
    void boundWithUnboxing() {
        P p = new P(10);
        assertEquals(List.of("plus 1", 11), run(() -> {
            CoFunction<Integer, Integer> f = p::plus;
            return f.apply(1);
        }));
    }

    @Test
    void resultUnboxedByTheAdapter() {
        P p = new P(5);
        assertEquals(List.of("boxed 1", 6), run(() -> {
            CoIntFunction f = p::boxed;
            return f.apply(1);
        }));
    }

    @Test
    void wideningAndVarargs() {
        assertEquals(List.of("widened 7", 21L), run(() -> {
            CoLongFunction f = P::widened;
            return f.apply(7);
        }));
        assertEquals(List.of("join 2", "a+b"), run(() -> {
            CoVarargs f = P::join;
            return f.apply("a", "b");
        }));
    }

    @Test
    void theSameReferenceResumedManyTimesWithSends() {
        P p = new P(0);
        CoFunction<P, String> f = P::greet;
        Generator<Object> g = Generator.returning(() -> {
            String all = "";
            for (int i = 0; i < 3; i++) {
                all += f.apply(p) + Co.yield("between") + ";";
            }
            return all;
        });
        List<Object> seen = new ArrayList<>();
        seen.add(g.next());
        StackTraceElement top = g.suspendedFrames().get(0); // read through the adapter's absence
        assertEquals(P.class.getName() + ".greet", top.getClassName() + "." + top.getMethodName());
        for (int i = 0; i < 5; i++) {
            seen.add(g.send("s" + i));
        }
        assertThrows(java.util.NoSuchElementException.class, () -> g.send("s5"));
        assertEquals(List.of("greet 0", "between", "greet 0", "between", "greet 0", "between"), seen);
        assertEquals("hi 0s1;hi 0s3;hi 0s5;", g.returnValue());
    }

    // ---- this::m, super::m, generic and bridge targets, default methods, other packages -----

    static class Base {
        @Coroutine
        String name() {
            Co.yield("base name");
            return "base";
        }
    }

    static class Derived extends Base {
        @Override
        String name() {
            return "derived";
        }

        @Coroutine
        String mine(String s) {
            Co.yield("mine " + s);
            return s + "!";
        }

        List<Object> viaThisAndSuper() {
            return run(() -> {
                CoFunction<String, String> own = this::mine;
                CoSupplier<String> parent = super::name;
                return own.apply("x") + parent.get();
            });
        }
    }

    @Test
    void thisAndSuperReferences() {
        assertEquals(List.of("mine x", "base name", "x!base"), new Derived().viaThisAndSuper());
    }

    static class Box<T> {
        private final T value;

        Box(T value) {
            this.value = value;
        }

        @Coroutine
        T get() {
            Co.yield("get " + value);
            return value;
        }
    }

    interface Source<T> {
        @Coroutine
        T produce(T seed);
    }

    static class Doubler implements Source<String> {
        @Override
        public String produce(String seed) { // javac writes a bridge produce(Object)
            Co.yield("produce " + seed);
            return seed + seed;
        }
    }

    interface Named {
        @Coroutine
        default String describe(String prefix) {
            Co.yield("describe " + prefix);
            return prefix + ":named";
        }
    }

    static class Thing implements Named {
    }

    @Test
    void genericBridgeAndDefaultMethodTargets() {
        Box<String> box = new Box<>("b");
        assertEquals(List.of("get b", "b"), run(() -> {
            CoSupplier<String> f = box::get;
            return f.get();
        }));
        assertEquals(List.of("produce ab", "abab"), run(() -> {
            CoFunction<String, String> f = new Doubler()::produce;
            return f.apply("ab");
        }));
        Source<String> viaInterface = new Doubler();
        assertEquals(List.of("produce c", "cc"), run(() -> {
            CoFunction<String, String> f = viaInterface::produce;
            return f.apply("c");
        }));
        assertEquals(List.of("describe t", "t:named"), run(() -> {
            CoFunction<String, String> f = new Thing()::describe;
            return f.apply("t");
        }));
    }

    @Test
    void targetsInAnotherPackage() {
        assertEquals(List.of("hello world", "hello, world"), run(() -> {
            CoFunction<String, String> f = Greeter::hello;
            return f.apply("world");
        }));
        assertEquals(List.of("made 3", "greeter 3"), run(() -> {
            CoFunction<Integer, Object> f = Greeter::make;
            return f.apply(3).toString();
        }));
    }

    @FunctionalInterface
    interface CoIntSupplier {
        @Coroutine
        int get();
    }

    @Test
    void aGenericResultUnboxedByTheAdapterIsRefusedWhereTheReferenceIsMade() {
        Box<Integer> box = new Box<>(5);
        Generator<Object> g = Generator.returning(() -> {
            CoIntSupplier f = box::get; // the adapter would unbox get()'s erased Object result
            return f.get();
        });
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class, g::next);
        assertTrue(e.getMessage().contains("MethodReferencesTest$Box::get cannot implement a coroutine"
                + " interface method: the interface method returns int"), e.getMessage());
        assertTrue(e.getMessage().endsWith("use a lambda"), e.getMessage());
        assertEquals(List.of("get 5", 5), run(() -> {
            CoIntSupplier f = () -> box.get();
            return f.get();
        }));
    }

    static final class Made {
        final String how;

        Made(String how) {
            this.how = how;
        }

        Made(Integer n) {
            this.how = "number " + n;
            Co.yield("from a constructor"); // not a coroutine: caught at the yield
        }
    }

    @Test
    void constructorReferences() {
        assertEquals(List.of("made"), run(() -> {
            CoFunction<String, Made> f = Made::new;
            return f.apply("made").how;
        }));
        Generator<Object> g = Generator.returning(() -> {
            CoFunction<Integer, Made> f = Made::new;
            return f.apply(1);
        });
        assertThrows(NotInstrumentedException.class, g::next);
    }

    @Test
    @org.junit.jupiter.api.Tag("needs-agent") // a Proxy class is made at run time: only an agent instruments it
    void aProxyBetweenTheCallAndTheCoroutineIsStillCaught() {
        P p = new P(2);
        @SuppressWarnings("unchecked")
        CoFunction<P, String> proxy = (CoFunction<P, String>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {CoFunction.class},
                (self, method, args) -> ((P) args[0]).greet());
        Generator<Object> g = Generator.returning(() -> proxy.apply(p));
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class, g::next);
        assertTrue(e.getMessage().contains("P.greet"), e.getMessage());
    }
}
