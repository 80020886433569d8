package io.jcoro.samples.generators;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.io.PrintStream;

/**
 * bogus.py: a generator that both produces and receives values (the course's "not recommended"
 * style). The value sent in from inside the loop resets the count; the value that send returns
 * is dropped, so 4 and 3 never print.
 */
public final class Bogus {
    private Bogus() {
    }

    @Coroutine
    static void countdown(PrintStream out, int n) {
        out.println("Counting down from " + n);
        while (n >= 0) {
            Integer newvalue = Co.yield(n);
            // If a new value got sent in, reset n with it
            if (newvalue != null) {
                n = newvalue;
            } else {
                n -= 1;
            }
        }
    }

    public static void run(PrintStream out, String... args) {
        // The holy grail countdown
        Generator<Integer> c = Generator.of(() -> countdown(out, 5));
        for (int x : c) {
            out.println(x);
            if (x == 5) {
                c.send(3);
            }
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
