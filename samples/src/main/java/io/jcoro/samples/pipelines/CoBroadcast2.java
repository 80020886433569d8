package io.jcoro.samples.pipelines;

import io.jcoro.core.Co;
import io.jcoro.core.GeneratorExit;
import io.jcoro.flow.Filters;
import io.jcoro.flow.Stage;
import java.io.PrintStream;

/**
 * cobroadcast2.py: fan-in. The three greps send to one shared printer. When the source stops,
 * closing runs down the pipeline; the printer is closed once, after the last grep that feeds
 * it, and says so.
 */
public final class CoBroadcast2 {
    private CoBroadcast2() {
    }

    static Stage<String> printer(PrintStream out) {
        return Stage.of("printer", () -> {
            int lines = 0;
            try {
                while (true) {
                    String line = Co.receive();
                    out.println(line);
                    lines++;
                }
            } catch (GeneratorExit e) {
                out.println("printer closed after " + lines + " lines");
            }
        });
    }

    public static void run(PrintStream out, String... args) {
        Stage<String> p = printer(out);
        FollowedLog.follow(args).sendTo(
                Filters.broadcast(
                        Filters.grep("python", p),
                        Filters.grep("ply", p),
                        Filters.grep("swig", p)));
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
