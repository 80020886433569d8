package io.jcoro.samples.generators;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Sink;
import java.io.PrintStream;

/**
 * coroutine.py: the {@code @coroutine} decorator primes a coroutine so the caller need not call
 * {@code next()} first. In jcoro that decorator is {@link Sink#of}: the sink is created already
 * waiting at its first {@code Co.receive()}.
 */
public final class CoroutineDecorator {
    private CoroutineDecorator() {
    }

    static Sink<String> grep(PrintStream out, String pattern) {
        return Sink.of(() -> grepBody(out, pattern));
    }

    @Coroutine
    static void grepBody(PrintStream out, String pattern) {
        out.println("Looking for " + pattern);
        while (true) {
            String line = Co.receive();
            if (line.contains(pattern)) {
                out.print(line + " ");
            }
        }
    }

    public static void run(PrintStream out, String... args) {
        Sink<String> g = grep(out, "python");
        // Notice how you don't need a next() call here
        g.send("Yeah, but no, but yeah, but no");
        g.send("A series of tubes");
        g.send("python generators rock!");
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
