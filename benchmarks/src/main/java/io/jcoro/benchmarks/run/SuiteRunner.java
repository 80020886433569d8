package io.jcoro.benchmarks.run;

import io.jcoro.benchmarks.json.Json;
import io.jcoro.benchmarks.python.CPythonBaseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs every part on every JDK asked for, one JVM at a time, and saves what each part measured
 * under {@code results/jdk-N/} ({@code jmh.json}, {@code m1.json}, {@code s2-*.json},
 * {@code n1.json}, and {@code run.json} with the versions, settings, commands and load averages),
 * and CPython's figures in {@code results/python.json}.
 */
public final class SuiteRunner {
    private final Path jar;
    private final Settings settings;
    /** When waiting for a quiet machine stops, across all JDKs. */
    private Instant quietDeadline;

    /**
     * @param jar      this jar (the forks' class path and agent)
     * @param settings what to run and how long
     */
    public SuiteRunner(Path jar, Settings settings) {
        this.jar = jar;
        this.settings = settings;
    }

    /**
     * @param jdks the JDKs to measure on, in turn
     * @throws IOException     if results cannot be written
     * @throws RunnerException if JMH fails
     */
    public void run(List<TargetJdk> jdks) throws IOException, RunnerException {
        Files.createDirectories(settings.results());
        Map<String, Object> machine = MachineState.describe();
        Files.writeString(settings.results().resolve("machine.json"), Json.write(machine));
        quietDeadline = Instant.now().plus(Duration.ofMinutes(settings.quietMinutes()));
        for (TargetJdk jdk : jdks) {
            runOn(jdk);
        }
        if (settings.runs("python")) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("before", MachineState.snapshot());
            CPythonBaseline.Result py = CPythonBaseline.run(settings.quick());
            run.put("after", MachineState.snapshot());
            run.put("command", py.command());
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = (Map<String, Object>) Json.parse(py.json());
            figures.put("run", run);
            Files.writeString(settings.results().resolve("python.json"), Json.write(figures));
        }
    }

    private void runOn(TargetJdk jdk) throws IOException, RunnerException {
        Path dir = settings.results().resolve(jdk.key());
        Files.createDirectories(dir);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("jdk", jdk.version());
        run.put("source", MachineState.sourceVersion());
        run.put("home", jdk.home().toString());
        run.put("settings", settings.describe());
        if (settings.quietMinutes() > 0) {
            run.put("quiet", MachineState.awaitQuiet(quietDeadline));
        }
        Instant start = Instant.now();
        run.put("before", MachineState.snapshot());
        Map<String, Object> commands = new LinkedHashMap<>();
        Map<String, Object> loads = new LinkedHashMap<>();
        run.put("commands", commands);
        run.put("loadAfterPart", loads);
        System.out.println("# " + jdk.key() + " (" + jdk.version() + "): " + settings.describe());

        if (settings.runs("jmh")) {
            commands.put("jmh", JmhSuite.run(jdk, jar, settings, dir.resolve("jmh.json")));
            loads.put("jmh", MachineState.snapshot());
        }
        if (settings.runs("m1")) {
            commands.put("m1", child(jdk, "4g", "io.jcoro.benchmarks.heap.SuspendedWeight",
                    List.of("" + settings.m1Count(), "1", "10"), dir.resolve("m1.json")));
            loads.put("m1", MachineState.snapshot());
        }
        if (settings.runs("s2")) {
            commands.put("s2-jcoro", child(jdk, "6g", "io.jcoro.benchmarks.heap.SleepingWeight",
                    List.of("jcoro", "" + settings.s2Count()), dir.resolve("s2-jcoro.json")));
            if (jdk.hasLoom()) {
                commands.put("s2-virtualThread", child(jdk, "6g", "io.jcoro.benchmarks.heap.SleepingWeight",
                        List.of("virtualThread", "" + settings.s2Count()), dir.resolve("s2-virtualThread.json")));
            }
            loads.put("s2", MachineState.snapshot());
        }
        if (settings.runs("n1")) {
            List<String> args = new ArrayList<>();
            args.add("" + settings.n1Rounds());
            args.addAll(settings.n1Loads());
            commands.put("n1", child(jdk, "2g", "io.jcoro.benchmarks.net.EchoComparison", args, dir.resolve("n1.json")));
            loads.put("n1", MachineState.snapshot());
        }
        run.put("after", MachineState.snapshot());
        run.put("seconds", Duration.between(start, Instant.now()).toSeconds());
        Files.writeString(dir.resolve("run.json"), Json.write(run));
    }

    private String child(TargetJdk jdk, String heap, String mainClass, List<String> args, Path out) throws IOException {
        List<String> cmd = ChildJvm.command(jdk, jar, heap, mainClass, args);
        String line = String.join(" ", cmd);
        System.out.println("# " + line);
        Files.writeString(out, ChildJvm.run(cmd));
        return line;
    }
}
