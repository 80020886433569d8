package io.jcoro.samples.pipelines;

import io.jcoro.flow.Sinks;
import java.io.PrintStream;

/**
 * cofollow.py: the same tail, pushed instead of pulled. The source is a plain loop that sends
 * every line into a sink coroutine, the printer.
 */
public final class CoFollow {
    private CoFollow() {
    }

    public static void run(PrintStream out, String... args) {
        FollowedLog.follow(args).sendTo(Sinks.printer(out));
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
