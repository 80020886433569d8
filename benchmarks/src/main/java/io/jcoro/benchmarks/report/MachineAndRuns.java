package io.jcoro.benchmarks.report;

import static io.jcoro.benchmarks.report.Format.fmtInt;
import static io.jcoro.benchmarks.report.Format.load;
import static io.jcoro.benchmarks.report.Format.loads;
import static io.jcoro.benchmarks.report.Format.memory;

import java.util.Map;

/** The machine, each JDK's run (commit, settings, duration, load) and the exact commands. */
final class MachineAndRuns extends ReportSection {
    MachineAndRuns(Results r, StringBuilder out) {
        super(r, out);
    }

    @Override
    @SuppressWarnings("unchecked")
    void write() {
        line("## The machine and the runs");
        line();
        Map<String, Object> m = r.machine;
        line("* " + fmtInt(m.get("nproc")) + " cores (`nproc`), " + m.get("cpu") + ", " + memory(m.get("memory")) + " memory, "
                + m.get("os") + "; no hardware performance counters (so no perfasm/perfnorm).");
        for (Results.Jdk jdk : r.jdks) {
            Map<String, Object> run = jdk.run;
            line("* JDK " + jdk.version() + " (" + jdk.vm + "), jcoro at commit " + run.getOrDefault("source", "unknown")
                    + ", " + run.get("settings") + "; "
                    + fmtInt(run.get("seconds")) + " s. Load average (1 min) before: " + load(run.get("before"))
                    + loads((Map<String, Object>) run.get("loadAfterPart")) + "."
                    + (Boolean.FALSE.equals(run.get("quiet")) ? " The machine never got quiet (load below 1): run anyway." : ""));
        }
        if (!r.python.isEmpty()) {
            Map<String, Object> run = (Map<String, Object>) r.python.get("run");
            line("* " + r.python.get("python") + ": timeit, best of " + fmtInt(r.python.get("repeat")) + " x "
                    + fmtInt(r.python.get("number")) + (run == null ? "" : "; load before " + load(run.get("before"))) + ".");
        }
        line();
        line("Commands, as run:");
        line();
        line("```sh");
        for (Results.Jdk jdk : r.jdks) {
            Object commands = jdk.run.get("commands");
            if (commands instanceof Map<?, ?> cm) {
                for (Object c : cm.values()) {
                    line(portable(c.toString(), jdk.feature));
                }
            }
        }
        if (!r.python.isEmpty() && r.python.get("run") instanceof Map<?, ?> run) {
            line(String.valueOf(run.get("command")));
        }
        line("```");
        line();
    }

    /**
     * A recorded command as any clone can run it: the jar by its path in the repository, the
     * JDK as {@code $JDK17}/{@code $JDK25}, no directory of the machine it ran on.
     */
    static String portable(String command, int feature) {
        return command.replaceAll("/[^\\s:'\"]*/benchmarks/target/jcoro-benchmarks\\.jar", "benchmarks/target/jcoro-benchmarks.jar")
                .replaceAll("/[^\\s:'\"]+/bin/java\\b", "\\$JDK" + feature + "/bin/java");
    }
}
