package io.jcoro.samples.pipelines;

import static io.jcoro.bridge.Threaded.threaded;

import io.jcoro.flow.Filters;
import io.jcoro.flow.Sources;
import io.jcoro.flow.Target;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * File 003's improvement of the statistics stream: every stage runs on its own thread, with a
 * queue in front of it as a buffer ({@code threaded}). The three map threads all feed the one
 * reducer thread, whose queue takes their sends safely; closing the head waits for each thread
 * to finish, so the counts are complete when it returns. They are the same as the plain
 * form's. Arguments as {@code ipstats}'s: {@code ipstats-threaded [FILE [IP...]]}.
 */
public final class IpStatsThreaded {
    private IpStatsThreaded() {
    }

    public static void run(PrintStream out, String... args) {
        IpStats.Arguments a = IpStats.Arguments.parse(args);
        AtomicReference<Map<String, Integer>> result = new AtomicReference<>();
        Target<String> reducer = threaded(IpStats.reduce(result::set));
        List<Target<String>> maps = new ArrayList<>();
        for (String ip : a.addresses()) {
            maps.add(threaded(IpStats.map(ip, reducer)));
        }
        long[] lines = new long[1];
        Target<String> flow = IpStats.counted(lines, threaded(Filters.broadcast(maps)));

        Sources.lines(a.log(), flow);
        out.println(a.describe(lines[0]) + ", by " + (maps.size() + 2) + " threads");
        IpStats.print(out, a.addresses(), result.get());
    }

    public static void main(String[] args) {
        io.jcoro.samples.UsageException.reporting("ipstats-threaded", () -> run(System.out, args));
    }
}
