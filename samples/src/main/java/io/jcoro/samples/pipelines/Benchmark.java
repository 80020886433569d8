package io.jcoro.samples.pipelines;

import io.jcoro.core.Co;
import io.jcoro.core.Sink;
import io.jcoro.flow.Filters;
import io.jcoro.flow.Sinks;
import io.jcoro.flow.Target;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * benchmark.py: sending data into a coroutine vs sending it into an object. A quick report (the
 * best of three rounds of {@code N} sends, default a million); careful measurements are JMH's.
 * Also times the library's {@code Filters.grep} stage, which adds stage names and close
 * propagation to the bare coroutine.
 */
public final class Benchmark {
    private Benchmark() {
    }

    // An object
    static final class GrepHandler {
        private final String pattern;
        private final Sink<String> target;

        GrepHandler(String pattern, Sink<String> target) {
            this.pattern = pattern;
            this.target = target;
        }

        void send(String line) {
            if (line.contains(pattern)) {
                target.send(line);
            }
        }
    }

    // A coroutine
    static Sink<String> grep(String pattern, Sink<String> target) {
        return Sink.of(() -> {
            while (true) {
                String line = Co.receive();
                if (line.contains(pattern)) {
                    target.send(line);
                }
            }
        });
    }

    // A null-sink to send data
    static Sink<String> nullSink() {
        return Sink.of(() -> {
            while (true) {
                Co.receive();
            }
        });
    }

    public static void run(PrintStream out, String... args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String line = "python is nice";
        Sink<String> p1 = grep("python", nullSink());                         // Coroutine
        GrepHandler p2 = new GrepHandler("python", nullSink());               // Object
        Target<String> p3 = Filters.grep("python", Sinks.discard());          // library stage

        out.printf("benchmark: %,d sends of '%s' into grep -> null, best of 3 rounds%n", n, line);
        report(out, "coroutine:", best(n, line, p1::send));
        report(out, "stage:", best(n, line, p3::send));
        report(out, "object:", best(n, line, p2::send));
    }

    private static long best(int n, String line, Consumer<String> send) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                send.accept(line);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / Math.max(1, n);
    }

    private static void report(PrintStream out, String what, long nanosPerSend) {
        out.printf("%-11s %4d ns per send%n", what, nanosPerSend);
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
