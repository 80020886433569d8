package io.jcoro.samples.generators;

import io.jcoro.core.Co;
import io.jcoro.core.GeneratorExit;
import io.jcoro.core.Sink;
import java.io.PrintStream;

/**
 * grepclose.py: a coroutine that catches {@code close()}. Closing raises {@link GeneratorExit}
 * at the pending receive; an ordinary {@code catch (Exception e)} would not see it.
 */
public final class GrepClose {
    private GrepClose() {
    }

    static Sink<String> grep(PrintStream out, String pattern) {
        return Sink.of(() -> {
            out.println("Looking for " + pattern);
            try {
                while (true) {
                    String line = Co.receive();
                    if (line.contains(pattern)) {
                        out.print(line + " ");
                    }
                }
            } catch (GeneratorExit e) {
                out.println("Going away. Goodbye");
            }
        });
    }

    public static void run(PrintStream out, String... args) {
        Sink<String> g = grep(out, "python");
        g.send("Yeah, but no, but yeah, but no\n");
        g.send("A series of tubes\n");
        g.send("python generators rock!\n");
        g.close();
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
