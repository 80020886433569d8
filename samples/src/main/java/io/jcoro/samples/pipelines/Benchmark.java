package io.jcoro.samples.pipelines;

import io.jcoro.core.Co;
import io.jcoro.core.Sink;
import io.jcoro.flow.Filters;
import io.jcoro.flow.Sinks;
import io.jcoro.flow.Target;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * benchmark.py: sending data into a coroutine vs sending it into an object, with the library's
 * {@code Filters.grep} stage (which adds stage names and close propagation to the bare
 * coroutine) as a third. A quick report: {@value #WARMUP} warm-up rounds of {@code N} sends
 * each (default a million), so the JIT has compiled all three, then {@value #ROUNDS} measured
 * rounds, the three taking turns; it prints the median and the range. Careful measurements
 * are JMH's (the benchmarks module's B3).
 *
 * <p>The course found the coroutine faster in Python, and so it still is in CPython 3.11:
 * resuming a generator costs less than calling a bound method that looks up its attributes.
 * In Java it is the other way round, and the sample says so, with why.
 */
public final class Benchmark {
    static final int WARMUP = 5;
    static final int ROUNDS = 9;

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
        String[] names = {"coroutine:", "stage:", "object:"};

        out.printf("benchmark: %,d sends of '%s' into grep -> null; %d warm-up rounds, then the median of %d"
                + " (range)%n", n, line, WARMUP, ROUNDS);
        long[][] nanos = new long[names.length][ROUNDS];
        for (int round = -WARMUP; round < ROUNDS; round++) {
            for (int k = 0; k < names.length; k++) {
                int v = Math.floorMod(round + k, names.length);   // take turns at going first
                long t = switch (v) {
                    case 0 -> time(n, line, p1);
                    case 1 -> time(n, line, p3);
                    default -> time(n, line, p2);
                };
                if (round >= 0) {
                    nanos[v][round] = t;
                }
            }
        }
        double[] median = new double[names.length];
        for (int v = 0; v < names.length; v++) {
            long[] t = nanos[v].clone();
            Arrays.sort(t);
            median[v] = (double) t[ROUNDS / 2] / n;
            out.printf("%-11s %5.1f ns per send (%.1f-%.1f)%n", names[v], median[v], (double) t[0] / n,
                    (double) t[ROUNDS - 1] / n);
        }
        explain(out, median[0], median[2]);
    }

    /** Says which won, by how much, and when each is the one to use. */
    private static void explain(PrintStream out, double coroutine, double object) {
        if (object < coroutine) {
            out.printf("The object is %.1fx faster here.%n", coroutine / object);
        } else {
            out.printf("The coroutine is %.1fx faster here.%n", object / coroutine);
        }
        out.println("In Java the object usually wins: its send is a plain call the JIT inlines into the loop,");
        out.println("while a send into a coroutine resumes a suspended frame (restores its locals, jumps to its");
        out.println("resume point, saves them again), which the JIT cannot fold away. In CPython 3.11 the");
        out.println("coroutine still wins, as the course found: resuming a generator costs less there than");
        out.println("calling a bound method that looks up self.pattern and self.target. So in Java, write a");
        out.println("stateless filter as an object or a lambda, and a coroutine where the state lives in the");
        out.println("control flow (a parser, a protocol, buses_to_dicts's nested loops), which an object would");
        out.println("have to spell out as a state machine.");
    }

    // One loop per version, each with its own call site, so none pays for the others' types.

    private static long time(int n, String line, Sink<String> coroutine) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            coroutine.send(line);
        }
        return System.nanoTime() - start;
    }

    private static long time(int n, String line, Target<String> stage) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            stage.send(line);
        }
        return System.nanoTime() - start;
    }

    private static long time(int n, String line, GrepHandler object) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            object.send(line);
        }
        return System.nanoTime() - start;
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
