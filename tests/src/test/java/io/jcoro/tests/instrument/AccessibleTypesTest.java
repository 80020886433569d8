package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.tests.Drain;
import io.jcoro.tests.instrument.other.Factory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values whose analysed type the instrumented class may not name, saved and restored across a
 * suspension: the restore must not cast to them (that fails with IllegalAccessError).
 */
class AccessibleTypesTest {

    @Coroutine
    static String pass(String s) {
        return (String) Co.yield(s);
    }

    @Coroutine
    static void packagePrivateTypeInALocal() {
        Object h = Factory.make("local");
        Co.yield("before");
        Co.yield("after: " + h);
    }

    @Coroutine
    static void packagePrivateTypeOnTheOperandStack() {
        Co.yield(String.valueOf(Factory.make("stack")) + pass("mid"));
    }

    @Coroutine
    static void packagePrivateReceiver() {
        Factory.Visible v = Factory.make("receiver"); // its analysed type is the hidden class
        Co.yield(v.describe());
    }

    @Test
    void typesOfAnotherPackage() {
        assertEquals(List.of("before", "after: hidden local"),
                Drain.all(Generator.of(AccessibleTypesTest::packagePrivateTypeInALocal)));
        assertEquals(List.of("mid", "hidden stacknull"),
                Drain.all(Generator.of(AccessibleTypesTest::packagePrivateTypeOnTheOperandStack)));
        assertEquals(List.of("describe hidden receiver", "described hidden receiver"),
                Drain.all(Generator.of(AccessibleTypesTest::packagePrivateReceiver)));
    }

    // StringBuilder and StringBuffer merge to java.lang.AbstractStringBuilder, package-private.

    @Coroutine
    static void mergedInAnObjectLocal(boolean builder) {
        Object text = builder ? new StringBuilder("builder") : new StringBuffer("buffer");
        Co.yield("before");
        Co.yield("after: " + text);
    }

    @Coroutine
    static void mergedInACharSequenceLocal(boolean builder) {
        CharSequence text;
        if (builder) {
            text = new StringBuilder("builder");
        } else {
            text = new StringBuffer("buffer");
        }
        Co.yield("before");
        Co.yield("after: " + text.length() + " " + text);
    }

    @Coroutine
    static void mergedOnTheOperandStack(boolean builder) {
        Co.yield(String.valueOf(builder ? new StringBuilder("builder") : new StringBuffer("buffer"))
                + pass("mid"));
    }

    @Test
    void jdkTypesWhoseCommonSuperclassIsNotPublic() {
        for (boolean builder : new boolean[] {true, false}) {
            String text = builder ? "builder" : "buffer";
            assertEquals(List.of("before", "after: " + text),
                    Drain.all(Generator.of(() -> mergedInAnObjectLocal(builder))));
            assertEquals(List.of("before", "after: " + text.length() + " " + text),
                    Drain.all(Generator.of(() -> mergedInACharSequenceLocal(builder))));
            assertEquals(List.of("mid", text + "null"),
                    Drain.all(Generator.of(() -> mergedOnTheOperandStack(builder))));
        }
    }
}
