package io.jcoro.tests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.StopIteration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A generator resumed from a new thread at every step, with values of every type live in several
 * frames, interleaved with another generator doing the same: every value arrives intact, and
 * the body sees the thread that resumed it.
 */
class ThreadHoppingTest {

    @Coroutine
    static String inner(long l, double d, String s, List<String> threads) {
        float f = (float) d / 2;
        char c = s.charAt(0);
        for (int i = 0; i < 3; i++) {
            threads.add(Thread.currentThread().getName());
            Integer sent = Co.yield(s + i);
            l += sent;
            f += sent;
            c++;
        }
        return l + "/" + f + "/" + c;
    }

    @Coroutine
    static String outer(String name, List<String> threads) {
        byte b = 3;
        short sh = 300;
        boolean flag = true;
        int[] array = {1, 2};
        String a = inner(10L, 5.0, name, threads);
        String z = inner(20L, 9.0, name.toUpperCase(), threads);
        return a + "|" + z + "|" + b + sh + flag + array[1];
    }

    /** One step of a generator on a brand-new thread. */
    private static Object stepOnNewThread(Generator<String> g, Object sent, String threadName) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(sent == null ? g.next() : g.send(sent));
            } catch (StopIteration stop) {
                result.set(stop);
            }
        }, threadName);
        t.start();
        t.join();
        return result.get();
    }

    @Test
    void twoGeneratorsHopAcrossFreshThreadsInTurn() throws Exception {
        List<String> threadsA = new ArrayList<>();
        List<String> threadsB = new ArrayList<>();
        Generator<String> a = Generator.returning(() -> outer("a", threadsA));
        Generator<String> b = Generator.returning(() -> outer("b", threadsB));
        List<Object> seenA = new ArrayList<>();
        List<Object> seenB = new ArrayList<>();
        for (int step = 0; step < 7; step++) {
            seenA.add(stepOnNewThread(a, step == 0 ? null : step, "A" + step));
            seenB.add(stepOnNewThread(b, step == 0 ? null : 10 * step, "B" + step));
        }
        assertEquals(List.of("a0", "a1", "a2", "A0", "A1", "A2"), seenA.subList(0, 6));
        assertEquals(List.of("b0", "b1", "b2", "B0", "B1", "B2"), seenB.subList(0, 6));
        assertEquals("16/8.5/d|35/19.5/D|3300true2", ((StopIteration) seenA.get(6)).value());
        assertEquals("70/62.5/e|170/154.5/E|3300true2", ((StopIteration) seenB.get(6)).value());
        assertEquals(List.of("A0", "A1", "A2", "A3", "A4", "A5"), threadsA, "the body runs on the resuming thread");
        assertEquals(List.of("B0", "B1", "B2", "B3", "B4", "B5"), threadsB);
        assertNotEquals(Thread.currentThread().getName(), threadsA.get(0));
    }
}
