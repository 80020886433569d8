package io.jcoro.samples.pipelines;

import static io.jcoro.bridge.Threaded.threaded;

import io.jcoro.flow.Filters;
import io.jcoro.flow.Sources;
import io.jcoro.flow.Target;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * File 003's improvement of the statistics stream: every stage runs on its own thread, with a
 * queue in front of it as a buffer ({@code threaded}). The three map threads all feed the one
 * reducer thread, whose queue takes their sends safely; closing the head waits for each thread
 * to finish, so the counts are complete when it returns. They are the same as the plain
 * form's.
 */
public final class IpStatsThreaded {
    private IpStatsThreaded() {
    }

    public static void run(PrintStream out, String... args) {
        AtomicReference<Map<String, Integer>> result = new AtomicReference<>();
        Target<String> reducer = threaded(IpStats.reduce(result::set));
        Target<String> flow = threaded(Filters.broadcast(List.of(
                threaded(IpStats.map(AccessLog.COUNTED.get(0), reducer)),
                threaded(IpStats.map(AccessLog.COUNTED.get(1), reducer)),
                threaded(IpStats.map(AccessLog.COUNTED.get(2), reducer)))));

        Sources.lines(IpStats.generatedLog(), flow);
        out.println(IpStats.LINES + " lines read, by 5 threads");
        IpStats.print(out, result.get());
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
