package io.jcoro.benchmarks.loom;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** B3 (see {@code jmh.GrepBench}): grep into a null sink as continuations and as virtual threads. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GrepLoomBench {
    /** A field, not a constant, so the JIT cannot fold the match. */
    public String line = "python is nice";

    private ContinuationSink continuations;
    private VirtualThreadSink threads;

    static ContinuationSink grep(String pattern, ContinuationSink target) {
        return new ContinuationSink(() -> {
            ContinuationSink self = ContinuationSink.current();
            while (true) {
                String line = (String) self.receive();
                if (line.contains(pattern)) {
                    target.send(line);
                }
            }
        });
    }

    static ContinuationSink nullSink() {
        return new ContinuationSink(() -> {
            ContinuationSink self = ContinuationSink.current();
            while (true) {
                self.receive();
            }
        });
    }

    static VirtualThreadSink grep(String pattern, VirtualThreadSink target) {
        return new VirtualThreadSink(self -> {
            while (true) {
                String line = (String) self.receive();
                if (line.contains(pattern)) {
                    target.send(line);
                }
            }
        });
    }

    static VirtualThreadSink nullThreadSink() {
        return new VirtualThreadSink(self -> {
            while (true) {
                self.receive();
            }
        });
    }

    /** Builds both pipelines, primed. */
    @Setup
    public void setup() {
        continuations = grep("python", nullSink());
        threads = grep("python", nullThreadSink());
    }

    /** Sends one line through continuation sinks. */
    @Benchmark
    public void continuation() {
        continuations.send(line);
    }

    /** Sends one line through virtual-thread sinks. */
    @Benchmark
    @Fork(jvmArgsAppend = {VirtualThreadFork.EXECUTOR, VirtualThreadFork.ONE_CARRIER})
    public void virtualThread() {
        threads.send(line);
    }
}
