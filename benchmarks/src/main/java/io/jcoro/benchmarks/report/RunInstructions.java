package io.jcoro.benchmarks.report;

/** How to run the benchmarks and regenerate the report, and what every column yields. */
final class RunInstructions extends ReportSection {
    RunInstructions(Results r, StringBuilder out) {
        super(r, out);
    }

    @Override
    void write() {
        line("## How to run");
        line();
        line("```sh");
        line("mvn -q -DskipTests package          # with JDK 21+ (JAVA_HOME) so the jar has the Loom baselines");
        line("java -jar benchmarks/target/jcoro-benchmarks.jar run \"$JDK17\" \"$JDK25\"   # JDK homes");
        line("java -Dquick -jar benchmarks/target/jcoro-benchmarks.jar run # smoke test, this JDK, < 2 min, to benchmarks/target/quick-results");
        line("java -jar benchmarks/target/jcoro-benchmarks.jar compare \"$JDK17\" \"$JDK25\"   # B1, B2, B4: jcoro, Kilim, Loom; both heap settings");
        line("java -Dset=primitive -jar benchmarks/target/jcoro-benchmarks.jar compare \"$JDK17\" \"$JDK25\"   # P1: primitive generators");
        line("java -jar benchmarks/target/jcoro-benchmarks.jar report      # this file again from benchmarks/results");
        line("```");
        line();
        line("`benchmarks/run [-Dquick] [-D...]` does the first two lines (`MVN`, `JDK17`, `JDK25` override"
                + " the defaults). The report names the commit the jar was built from. Each JDK gets the JMH suite (2 forks, 3 x 1 s"
                + " warm-up, 5 x 1 s measurement, `-prof gc`, forks with `-javaagent:` the benchmarks jar and,"
                + " on JDK 21+, `--add-exports java.base/jdk.internal.vm=ALL-UNNAMED`), then M1, S2 and N1"
                + " each in a JVM of its own, one JVM at a time; then CPython runs `benchmarks/python/shapes.py`."
                + " Properties: `-Dforks=2`, `-Dinclude=REGEX` (JMH benchmarks), `-Dparts=jmh,m1,s2,n1,python`,"
                + " `-DquietMinutes=40` (before each JDK, wait for a 1-minute load average below 1, 40 minutes at"
                + " most in all); see"
                + " `io.jcoro.benchmarks.run.Settings`. `compare` runs only the shapes that compare jcoro with"
                + " Kilim 2.0.2 and Loom (one JMH run per JDK and heap setting, to `benchmarks/results/compare`;"
                + " `-Dheaps=default` or `-Dheaps=pretouch` runs one setting, `-Ddepths=` other B2 depths than"
                + " 1, 10 and 100); see `io.jcoro.benchmarks.run.PeerComparison`.");
        line();
        line("Every column yields the same values: an \"incrementing int\" is `BOXES[i & 1023]`, a"
                + " preallocated array of 1,024 `Integer`s (a list of ints in CPython), so no column pays for"
                + " boxing. Depth counts the frames on the coroutine's stack when it yields, the body"
                + " included: B1 is depth 1, and B2 at depth d is the body plus d - 1 calls of a recursive"
                + " coroutine method. Each frame keeps nothing live across the call but its resume point"
                + " (the innermost keeps its counter), in every column. Kilim's generators"
                + " (`io.jcoro.benchmarks.kilim`) are woven at build time by Kilim's own weaver, with the"
                + " build's ASM in place of the ASM 7.1 Kilim asks for.");
        line();
    }
}
