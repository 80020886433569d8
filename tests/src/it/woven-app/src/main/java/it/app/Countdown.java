package it.app;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.util.ArrayList;
import java.util.List;

/** The README's first example, two frames deep: the yield is in a callee of the body. */
public final class Countdown {
    private Countdown() {
    }

    @Coroutine
    static void countdown(int n) {
        while (n > 0) {
            say(n);
            n--;
        }
    }

    @Coroutine
    private static void say(int n) {
        Co.yield(n);
    }

    /**
     * @param n where to start
     * @return what the generator yields
     */
    public static List<Integer> from(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i : Generator.<Integer>of(() -> countdown(n))) {
            out.add(i);
        }
        return out;
    }

    /** @param args unused */
    public static void main(String[] args) {
        System.out.println(from(3));
    }
}
