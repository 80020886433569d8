package io.jcoro.samples.pipelines;

import io.jcoro.core.Co;
import io.jcoro.core.GeneratorExit;
import io.jcoro.flow.Filters;
import io.jcoro.flow.Sources;
import io.jcoro.flow.Stage;
import io.jcoro.flow.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The access-log statistics stream of the course's file 003: broadcast every line of a
 * generated 10,000-line access log to one map stage per client address; each passes the
 * address on when a line starts with it; one shared reduce stage counts, and reports its
 * counts when it is closed.
 */
public final class IpStats {
    /** Lines in the generated log. */
    static final int LINES = 10_000;

    private IpStats() {
    }

    static Stage<String> map(String ip, Target<String> next) {
        return Stage.of("map " + ip, () -> {
            while (true) {
                String data = Co.receive();
                if (data.startsWith(ip)) {
                    next.send(ip);
                }
            }
        }, next);
    }

    static Stage<String> reduce(Consumer<Map<String, Integer>> onDone) {
        return Stage.of("reduce", () -> {
            Map<String, Integer> m = new HashMap<>();
            try {
                while (true) {
                    String data = Co.receive();
                    m.merge(data, 1, Integer::sum);
                }
            } catch (GeneratorExit e) {
                onDone.accept(m);
            }
        });
    }

    /** @return a temporary file holding the generated log */
    static Path generatedLog() {
        try {
            Path log = Files.createTempFile("access", ".log");
            log.toFile().deleteOnExit();
            AccessLog.write(log, LINES);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the access log", e);
        }
    }

    /** Prints the counts as Python prints the dict, in the order of {@link AccessLog#COUNTED}. */
    static void print(PrintStream out, Map<String, Integer> result) {
        StringBuilder b = new StringBuilder("{");
        for (String ip : AccessLog.COUNTED) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append('\'').append(ip).append("': ").append(result.getOrDefault(ip, 0));
        }
        out.println(b.append('}'));
    }

    public static void run(PrintStream out, String... args) {
        AtomicReference<Map<String, Integer>> result = new AtomicReference<>();
        Stage<String> reducer = reduce(result::set);
        Stage<String> flow = Filters.broadcast(List.of(
                map(AccessLog.COUNTED.get(0), reducer),
                map(AccessLog.COUNTED.get(1), reducer),
                map(AccessLog.COUNTED.get(2), reducer)));

        // this is the source data: 10000 lines in this log; closing the flow closes the reducer
        Sources.lines(generatedLog(), flow);
        out.println(LINES + " lines read");
        print(out, result.get());
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
