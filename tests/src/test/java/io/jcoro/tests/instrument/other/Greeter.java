package io.jcoro.tests.instrument.other;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;

/** Coroutines of another package, reached by method references and through hidden types. */
public final class Greeter {
    private final int n;

    private Greeter(int n) {
        this.n = n;
    }

    /** @param who whom to greet @return the greeting */
    @Coroutine
    public static String hello(String who) {
        Co.yield("hello " + who);
        return "hello, " + who;
    }

    /** @param n a number @return a greeter */
    @Coroutine
    public static Greeter make(Integer n) {
        Co.yield("made " + n);
        return new Greeter(n);
    }

    @Override
    public String toString() {
        return "greeter " + n;
    }
}
