package io.jcoro.samples.pipelines;

import io.jcoro.flow.Filters;
import io.jcoro.flow.Sinks;
import java.io.PrintStream;

/** cobroadcast.py: broadcast fans the stream out to three greps, each with its own printer. */
public final class CoBroadcast {
    private CoBroadcast() {
    }

    public static void run(PrintStream out, String... args) {
        FollowedLog.follow(args).sendTo(
                Filters.broadcast(
                        Filters.grep("python", Sinks.printer(out)),
                        Filters.grep("ply", Sinks.printer(out)),
                        Filters.grep("swig", Sinks.printer(out))));
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
