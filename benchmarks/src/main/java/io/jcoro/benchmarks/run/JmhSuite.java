package io.jcoro.benchmarks.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH part: every benchmark of the jar on one JDK, with {@code -prof gc}, its forks given the
 * agent (this jar) and on JDK 21+ the export the Loom baselines need; the virtual-thread
 * benchmarks add their own flags with {@code @Fork(jvmArgsAppend)}.
 */
final class JmhSuite {
    /** The Loom baselines; excluded on JDKs before 21. */
    static final String LOOM = "io\\.jcoro\\.benchmarks\\.loom\\..*";
    /** Fixed heap for every fork, so that GC sizing does not differ between columns. */
    static final List<String> HEAP = List.of("-Xms1g", "-Xmx1g");

    private JmhSuite() {
    }

    /**
     * The suite: the benchmarks {@code settings.include()} names at its depths, with {@link #HEAP}.
     *
     * @param jdk      the JDK the forks run on
     * @param jar      this jar
     * @param settings how long
     * @param json     where JMH writes its JSON results
     * @return the equivalent JMH command line, for the record
     * @throws RunnerException if JMH fails
     */
    static String run(TargetJdk jdk, Path jar, Settings settings, Path json) throws RunnerException {
        return run(jdk, jar, settings, settings.include(), settings.depths(), HEAP, json);
    }

    /**
     * @param jdk      the JDK the forks run on
     * @param jar      this jar
     * @param settings how long (forks, iterations)
     * @param include  which benchmarks (a regex)
     * @param depths   B2's depths
     * @param heap     the forks' heap flags (none: the JVM's defaults)
     * @param json     where JMH writes its JSON results
     * @return the equivalent JMH command line, for the record
     * @throws RunnerException if JMH fails
     */
    static String run(TargetJdk jdk, Path jar, Settings settings, String include, List<String> depths,
                      List<String> heap, Path json) throws RunnerException {
        List<String> prepend = ChildJvm.agentFlags(jdk, jar);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .jvm(jdk.java())
                .jvmArgsPrepend(prepend.toArray(String[]::new))
                .jvmArgs(heap.toArray(String[]::new))
                .forks(settings.forks())
                .warmupIterations(settings.warmups())
                .warmupTime(TimeValue.milliseconds(settings.iterationMillis()))
                .measurementIterations(settings.iterations())
                .measurementTime(TimeValue.milliseconds(settings.iterationMillis()))
                .param("depth", depths.toArray(String[]::new))
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .shouldFailOnError(true);
        if (!jdk.hasLoom()) {
            options.exclude(LOOM);
        }
        new Runner(options.build()).run();

        List<String> cmd = new ArrayList<>(List.of("java", "-cp", jar.toString(), "org.openjdk.jmh.Main",
                "'" + include + "'"));
        if (!jdk.hasLoom()) {
            cmd.addAll(List.of("-e", "'" + LOOM + "'"));
        }
        cmd.addAll(List.of("-jvm", jdk.java(), "-jvmArgsPrepend", "'" + String.join(" ", prepend) + "'"));
        if (!heap.isEmpty()) {
            cmd.addAll(List.of("-jvmArgs", "'" + String.join(" ", heap) + "'"));
        }
        cmd.addAll(List.of("-f", "" + settings.forks(),
                "-wi", "" + settings.warmups(), "-w", settings.iterationMillis() + "ms",
                "-i", "" + settings.iterations(), "-r", settings.iterationMillis() + "ms",
                "-p", "depth=" + String.join(",", depths), "-prof", "gc", "-rf", "json"));
        return String.join(" ", cmd);
    }
}
