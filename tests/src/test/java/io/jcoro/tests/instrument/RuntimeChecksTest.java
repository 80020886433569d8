package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.NotInstrumentedException;
import io.jcoro.tests.Drain;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A suspension through a frame that is not a coroutine fails at once, naming that frame; it never
 * resumes into a wrong state. These are the mistakes users of other libraries hit most.
 */
class RuntimeChecksTest {

    @org.junit.jupiter.api.BeforeAll
    static void installed() {
        // Self-attached runs install on the first Generator; some tests here start without one.
        io.jcoro.core.Jcoro.install();
    }

    @Coroutine
    static void inner(List<String> log) {
        Co.yield("inner");
        log.add("inner resumed");
    }

    /** The forgotten annotation. */
    static void helper(List<String> log) {
        inner(log);
        log.add("helper ran on after inner returned");
    }

    @Coroutine
    static void outer(List<String> log) {
        helper(log);
    }

    @Test
    void unannotatedHelperBetweenCoroutinesIsNamed() {
        List<String> log = new ArrayList<>();
        Generator<Object> g = Generator.of(() -> outer(log));
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class, g::next);
        assertTrue(e.getMessage().startsWith("io.jcoro.tests.instrument.RuntimeChecksTest.inner(RuntimeChecksTest.java:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("called from io.jcoro.tests.instrument.RuntimeChecksTest.helper("),
                e.getMessage());
        assertTrue(log.isEmpty(), "the uninstrumented helper never ran on with a dummy result: " + log);
        assertTrue(g.isDone());
    }

    static void yieldingHelper() {
        Co.yield("from helper");
    }

    @Coroutine
    static void callsYieldingHelper() {
        yieldingHelper();
    }

    @Test
    void yieldInAnUnannotatedMethodIsNamed() {
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class,
                () -> Generator.of(RuntimeChecksTest::callsYieldingHelper).next());
        assertTrue(e.getMessage().contains("Co.yield called from io.jcoro.tests.instrument.RuntimeChecksTest.yieldingHelper("),
                e.getMessage());
        assertTrue(e.getMessage().contains("not a coroutine"), e.getMessage());
    }

    @Test
    void jdkCallbackLambdasCannotSuspend() {
        Generator<Object> g = Generator.of(() -> {
            List.of(1, 2).forEach(x -> Co.yield(x));
        });
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class, g::next);
        assertTrue(e.getMessage().contains("lambda$"), e.getMessage());
        assertTrue(e.getMessage().contains("forEach"), e.getMessage());
    }

    @Test
    void reflectionCannotCarryASuspension() throws Exception {
        Method m = RuntimeChecksTest.class.getDeclaredMethod("inner", List.class);
        List<String> log = new ArrayList<>();
        Generator<Object> g = Generator.of(() -> {
            try {
                m.invoke(null, log);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e.getCause());
            }
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, g::next);
        assertTrue(e.getCause() instanceof NotInstrumentedException, String.valueOf(e.getCause()));
        assertTrue(e.getCause().getMessage().contains("RuntimeChecksTest.inner("), e.getCause().getMessage());
        assertTrue(log.isEmpty());
    }

    @Test
    void yieldOutsideAnyGenerator() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> inner(new ArrayList<>()));
        assertTrue(e.getMessage().startsWith("Co.yield called outside any generator, at io.jcoro.tests.instrument.RuntimeChecksTest.inner("),
                e.getMessage());
        NotInstrumentedException direct = assertThrows(NotInstrumentedException.class, () -> Co.yield(1));
        assertTrue(direct.getMessage().contains("outside any generator"), direct.getMessage());
    }

    interface Unmarked {
        void step();
    }

    @Coroutine
    static void callsThroughUnmarkedInterface(Unmarked u) {
        u.step();
    }

    @Test
    void annotatingOnlyTheImplementationIsExplained() {
        Unmarked impl = new Unmarked() {
            @Coroutine
            @Override
            public void step() {
                Co.yield("step");
            }
        };
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class,
                () -> Generator.of(() -> callsThroughUnmarkedInterface(impl)).next());
        assertTrue(e.getMessage().contains("is a coroutine, but calls it through a method that is not declared @Coroutine"),
                e.getMessage());
    }

    @Coroutine
    static int maybeSuspends(boolean suspend) {
        if (suspend) {
            Co.yield("suspended");
        }
        return 42;
    }

    @Test
    void coroutineMethodsRunAsPlainMethodsUntilTheyTryToSuspend() {
        assertEquals(42, maybeSuspends(false));
        Generator<Object> g = Generator.returning(() -> maybeSuspends(true));
        assertEquals(List.of("suspended"), Drain.all(g));
    }

    @Test
    void catchingTheErrorInsideTheBodyLeavesTheGeneratorConsistent() {
        List<String> log = new ArrayList<>();
        Generator<Object> g = Generator.of(() -> {
            try {
                outer(log);
            } catch (NotInstrumentedException e) {
                Co.yield("recovered");
            }
            Co.yield("still works");
        });
        assertEquals(List.of("recovered", "still works"), Drain.all(g));
    }
}
