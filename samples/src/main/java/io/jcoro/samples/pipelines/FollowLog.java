package io.jcoro.samples.pipelines;

import java.io.PrintStream;

/**
 * follow.py: a generator that follows a log file like Unix {@code tail -f}, consumed by a for
 * loop. With no arguments it follows a log that a background logsim writes, and stops when
 * logsim is done; {@code follow FILE [SECONDS]} tails a real file.
 */
public final class FollowLog {
    private FollowLog() {
    }

    public static void run(PrintStream out, String... args) {
        for (String line : FollowedLog.follow(args).lines()) {
            out.println(line);
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
