package io.jcoro.samples.os;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.io.PrintStream;

/**
 * trampoline.py, for contrast. In Python, {@code main} cannot call a subroutine that yields:
 * it yields the sub-generator instead, and a driver (the trampoline) runs it and sends the
 * result back. The first half does exactly that with generators. The second half is what
 * jcoro makes of it: {@code add} is called like any function, and it may suspend the whole
 * stack, so there is nothing to trampoline.
 */
public final class Trampoline {
    private Trampoline() {
    }

    // ---- the course's way: a subroutine is a generator, and a driver bounces between them ----

    /** A subroutine: its "return value" is what it yields. */
    @Coroutine
    static void addGen(int x, int y) {
        Co.yield(x + y);
    }

    /** A function that calls a subroutine: it yields the sub-generator and gets the result sent back. */
    @Coroutine
    static void mainGen(PrintStream out) {
        int r = Co.yield(Generator.of(() -> addGen(2, 2)));
        out.println(r);
        Co.yield(null);
    }

    static void trampoline(PrintStream out) {
        Generator<Object> m = Generator.of(() -> mainGen(out));
        // An example of a "trampoline"
        @SuppressWarnings("unchecked")
        Generator<Object> sub = (Generator<Object>) m.send(null);
        Object result = sub.send(null);
        m.send(result);
    }

    // ---- jcoro's way: just call it ---------------------------------------------------------

    /** A subroutine that may suspend, like any coroutine, and returns its result. */
    @Coroutine
    static int add(int x, int y) {
        Co.yield(null);
        return x + y;
    }

    @Coroutine
    static void main(PrintStream out) {
        int r = add(2, 2);
        out.println(r);
        Co.yield(null);
    }

    public static void run(PrintStream out, String... args) {
        out.println("trampolined:");
        trampoline(out);
        out.println("called directly:");
        for (Object ignored : Generator.of(() -> main(out))) {
            // each step runs main (and add, inside it) to its next yield
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
