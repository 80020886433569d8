package io.jcoro.samples.generators;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.io.PrintStream;

/**
 * grep.py: a first coroutine. It receives lines with {@code send} and prints those that contain
 * a pattern; what it yields back ("LIGNE: ...") is what {@code send} returns.
 */
public final class Grep {
    private Grep() {
    }

    @Coroutine
    static void grep(PrintStream out, String pattern) {
        out.println("Looking for " + pattern);
        String line = "Vide";
        while (true) {
            line = Co.yield("LIGNE: " + line);
            if (line.contains(pattern)) {
                out.print(line + " ");
            }
        }
    }

    public static void run(PrintStream out, String... args) {
        Generator<String> g = Generator.of(() -> grep(out, "python"));
        g.next();
        g.send("Yeah, but no, but yeah, but no");
        g.send("A series of tubes");
        g.send("python generators rock!");
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
