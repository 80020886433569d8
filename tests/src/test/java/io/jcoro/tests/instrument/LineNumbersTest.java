package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Stack traces inside coroutines point at the user's lines, before and after a resume. */
class LineNumbersTest {

    @Coroutine
    static void failsAfterResume() {
        Co.yield("one");
        throw new IllegalStateException("line 20"); // line 20
    }

    @Coroutine
    static void callsFailing() {
        Co.yield("zero");
        failsAfterResume(); // line 26
    }

    @Test
    void exceptionStackTracesShowTheOriginalLines() {
        Generator<Object> g = Generator.of(LineNumbersTest::callsFailing);
        g.next();
        g.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::next);
        List<String> frames = Arrays.stream(e.getStackTrace())
                .filter(f -> f.getClassName().equals(LineNumbersTest.class.getName()))
                .map(f -> f.getMethodName() + ":" + f.getLineNumber())
                .collect(Collectors.toList());
        assertEquals(List.of("failsAfterResume:20", "callsFailing:26"), frames.subList(0, 2));
    }

    @Coroutine
    static void waitsInside() {
        helperWait(); // line 44
    }

    @Coroutine
    static void helperWait() {
        String s = "x";
        Co.yield(s); // line 50
    }

    @Test
    void suspendedFramesNameEachSuspensionPoint() {
        Generator<Object> g = Generator.of(LineNumbersTest::waitsInside);
        assertEquals(List.of(), g.suspendedFrames(), "not started: no frames");
        g.next();
        List<String> frames = g.suspendedFrames().stream()
                .map(f -> f.getMethodName() + ":" + f.getLineNumber()).collect(Collectors.toList());
        assertEquals(List.of("helperWait:50", "waitsInside:44"), frames);
        assertEquals(List.of(), Drain(g));
        assertEquals(List.of(), g.suspendedFrames(), "finished: no frames");
    }

    private static List<Object> Drain(Generator<Object> g) {
        return io.jcoro.tests.Drain.all(g);
    }

    @Test
    void inspectionDoesNotDisturbTheGenerator() {
        Generator<Integer> g = Generator.returning(() -> {
            int total = 0;
            for (int i = 1; i <= 3; i++) {
                total += (Integer) Co.yield(total);
            }
            return total;
        });
        assertEquals(0, g.next());
        g.suspendedFrames();
        assertEquals(5, g.send(5));
        g.suspendedFrames();
        g.suspendedFrames();
        assertEquals(11, g.send(6));
        assertThrows(io.jcoro.core.StopIteration.class, () -> g.send(1));
        assertEquals(12, (int) g.returnValue());
    }
}
