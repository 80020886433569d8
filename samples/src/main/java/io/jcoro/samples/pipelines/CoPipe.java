package io.jcoro.samples.pipelines;

import io.jcoro.flow.Filters;
import io.jcoro.flow.Sinks;
import java.io.PrintStream;

/** copipe.py: a push pipeline, follow -> grep -> printer; grep receives and sends. */
public final class CoPipe {
    private CoPipe() {
    }

    public static void run(PrintStream out, String... args) {
        FollowedLog.follow(args).sendTo(
                Filters.grep("python",
                Sinks.printer(out)));
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
