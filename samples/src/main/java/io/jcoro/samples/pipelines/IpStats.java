package io.jcoro.samples.pipelines;

import io.jcoro.core.Co;
import io.jcoro.core.GeneratorExit;
import io.jcoro.flow.Filters;
import io.jcoro.flow.Sources;
import io.jcoro.flow.Stage;
import io.jcoro.flow.Target;
import io.jcoro.samples.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The access-log statistics stream of the course's file 003: broadcast every line of an
 * access log to one map stage per client address; each passes the address on when a line
 * starts with it; one shared reduce stage counts, and reports its counts when it is closed.
 *
 * <pre>
 * ipstats                    # a generated 10,000-line log, the course's three addresses
 * ipstats FILE               # your own log (Common Log Format), the same three addresses
 * ipstats FILE IP...         # your own log, the addresses you name
 * </pre>
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

    /** The command line: the log to read and the addresses to count. */
    record Arguments(Path log, List<String> addresses, boolean generated) {
        static Arguments parse(String... args) {
            if (args.length == 0) {
                return new Arguments(generatedLog(), AccessLog.COUNTED, true);
            }
            Path log = Path.of(args[0]);
            if (!Files.isReadable(log)) {
                throw new UsageException("cannot read the log " + log
                        + " (usage: ipstats [FILE [IP...]]; with no FILE, a generated log)", null);
            }
            List<String> addresses = args.length > 1 ? List.of(args).subList(1, args.length) : AccessLog.COUNTED;
            return new Arguments(log, addresses, false);
        }

        String describe(long lines) {
            return lines + " lines read" + (generated ? "" : " from " + log);
        }
    }

    /** Counts the lines that go by. */
    static Stage<String> counted(long[] lines, Target<String> next) {
        return Stage.of("count", () -> {
            while (true) {
                String line = Co.receive();
                lines[0]++;
                next.send(line);
            }
        }, next);
    }

    /** Prints the counts as Python prints the dict, in the order the addresses were given. */
    static void print(PrintStream out, List<String> addresses, Map<String, Integer> result) {
        StringBuilder b = new StringBuilder("{");
        for (String ip : addresses) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append('\'').append(ip).append("': ").append(result.getOrDefault(ip, 0));
        }
        out.println(b.append('}'));
    }

    public static void run(PrintStream out, String... args) {
        Arguments a = Arguments.parse(args);
        AtomicReference<Map<String, Integer>> result = new AtomicReference<>();
        Stage<String> reducer = reduce(result::set);
        List<Target<String>> maps = new ArrayList<>();
        for (String ip : a.addresses()) {
            maps.add(map(ip, reducer));
        }
        long[] lines = new long[1];
        Stage<String> flow = counted(lines, Filters.broadcast(maps));

        // this is the source data (10000 lines in the generated log); closing the flow closes the reducer
        Sources.lines(a.log(), flow);
        out.println(a.describe(lines[0]));
        print(out, a.addresses(), result.get());
    }

    public static void main(String[] args) {
        UsageException.reporting("ipstats", () -> run(System.out, args));
    }
}
