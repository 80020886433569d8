package io.jcoro.samples.generators;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.io.PrintStream;

/** countdown.py: a trivially simple generator, consumed by a for loop. */
public final class Countdown {
    private Countdown() {
    }

    @Coroutine
    static void countdown(PrintStream out, int n) {
        out.println("Counting down from " + n);
        while (n > 0) {
            Co.yield(n);
            n -= 1;
        }
        out.println("Done counting down");
    }

    public static void run(PrintStream out, String... args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        for (int i : Generator.<Integer>of(() -> countdown(out, n))) {
            out.println(i);
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
