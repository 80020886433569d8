package io.jcoro.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.NotInstrumentedException;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each misuse that README's "The rules" names really throws: suspensions where no
 * generator can suspend, a native coroutine, a suspension in a constructor.
 */
class MisuseTest {

    @Coroutine
    static void instrumentedYield() {
        Co.yield("x");
    }

    @Coroutine
    static Object instrumentedReceive() {
        return Co.receive();
    }

    @Coroutine
    static void instrumentedYieldFrom() {
        Co.yieldFrom(List.of(1));
    }

    /**
     * Not a coroutine: the agent leaves it alone, so the real Co.yield runs. (Only called, never
     * named in a method reference: a coroutine method reference makes its target a coroutine.)
     */
    static void plainYield() {
        Co.yield("x");
    }

    @Test
    void instrumentedCodeOutsideAnyGeneratorThrowsIllegalStateException() {
        IllegalStateException e = assertThrows(IllegalStateException.class, MisuseTest::instrumentedYield);
        assertEquals(IllegalStateException.class, e.getClass(), "the code is instrumented: not NotInstrumentedException");
        assertTrue(e.getMessage().startsWith("Co.yield called outside any generator, at "
                + "io.jcoro.tests.core.MisuseTest.instrumentedYield(MisuseTest.java:"), e.getMessage());

        IllegalStateException receive = assertThrows(IllegalStateException.class, MisuseTest::instrumentedReceive);
        assertEquals(IllegalStateException.class, receive.getClass());
        assertTrue(receive.getMessage().startsWith("Co.yield called outside any generator, at "
                + "io.jcoro.tests.core.MisuseTest.instrumentedReceive("), receive.getMessage());

        IllegalStateException from = assertThrows(IllegalStateException.class, MisuseTest::instrumentedYieldFrom);
        assertEquals(IllegalStateException.class, from.getClass());
        assertTrue(from.getMessage().startsWith("Co.yieldFrom called outside any generator, at "
                + "io.jcoro.tests.core.MisuseTest.instrumentedYieldFrom("), from.getMessage());
    }

    @Test
    void uninstrumentedCodeThrowsNotInstrumentedException() {
        NotInstrumentedException outside = assertThrows(NotInstrumentedException.class, MisuseTest::plainYield);
        assertTrue(outside.getMessage().startsWith("Co.yield called outside any generator, from "
                + "io.jcoro.tests.core.MisuseTest.plainYield(MisuseTest.java:"), outside.getMessage());
        assertTrue(outside.getMessage().endsWith("which is not instrumented either."), outside.getMessage());

        Generator<Object> g = Generator.of(() -> plainYield());
        NotInstrumentedException inside = assertThrows(NotInstrumentedException.class, g::next);
        assertTrue(inside.getMessage().startsWith("Co.yield called from "
                + "io.jcoro.tests.core.MisuseTest.plainYield(MisuseTest.java:"), inside.getMessage());
        assertTrue(inside.getMessage().contains("which is not a coroutine"), inside.getMessage());
    }

    /** Refused at load ("a native method cannot be a coroutine"), but left native. */
    @Coroutine
    static native void nativeCoroutine();

    @Test
    void aNativeCoroutineIsLeftAsItIsAndCallingItIsTheJvmsAffair() throws Exception {
        assertTrue(Modifier.isNative(MisuseTest.class.getDeclaredMethod("nativeCoroutine").getModifiers()));
        // No library binds it: the JVM's UnsatisfiedLinkError, not the refusal message.
        assertThrows(UnsatisfiedLinkError.class, MisuseTest::nativeCoroutine);
        assertThrows(UnsatisfiedLinkError.class, Generator.of(MisuseTest::nativeCoroutine)::next);
    }

    static final class SuspendsInItsConstructor {
        SuspendsInItsConstructor() {
            Co.yield("from a constructor");
        }
    }

    @Test
    void aConstructorIsNeverACoroutine() {
        // @Coroutine does not compile on a constructor (@Target(METHOD)); a suspension in one is
        // a suspension from a method that is not a coroutine.
        Generator<Object> g = Generator.of(() -> new SuspendsInItsConstructor());
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class, g::next);
        assertTrue(e.getMessage().startsWith("Co.yield called from "
                + "io.jcoro.tests.core.MisuseTest$SuspendsInItsConstructor.<init>(MisuseTest.java:"), e.getMessage());
    }
}
