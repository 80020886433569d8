package io.jcoro.benchmarks.jmh;

import io.jcoro.benchmarks.floor.GrepHandler;
import io.jcoro.benchmarks.floor.NullSink;
import io.jcoro.core.Co;
import io.jcoro.core.Sink;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * B3: the course's benchmark.py. One op pushes the line {@code "python is nice"} into
 * {@code grep("python")}, which forwards it to a null sink: two consumer coroutines, one resume
 * each per line, against the course's plain objects (GrepHandler and a null sink object).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GrepBench {
    /** A field, not a constant, so the JIT cannot fold the match. */
    public String line = "python is nice";

    private Sink<String> coroutines;
    private GrepHandler objects;

    /** benchmark.py's {@code grep}: a consumer coroutine. */
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

    /** benchmark.py's {@code null}: receives and drops. */
    static Sink<String> nullSink() {
        return Sink.of(() -> {
            while (true) {
                Co.receive();
            }
        });
    }

    /** Builds both pipelines (the sinks are primed). */
    @Setup
    public void setup() {
        coroutines = grep("python", nullSink());
        objects = new GrepHandler("python", new NullSink());
    }

    /** Closes the coroutines. */
    @TearDown
    public void tearDown() {
        coroutines.close();
    }

    /** Sends one line through jcoro sinks. */
    @Benchmark
    public void jcoro() {
        coroutines.send(line);
    }

    /** Sends one line through the plain objects. */
    @Benchmark
    public void floor() {
        objects.send(line);
    }
}
