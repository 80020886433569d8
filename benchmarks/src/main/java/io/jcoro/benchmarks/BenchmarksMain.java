package io.jcoro.benchmarks;

import io.jcoro.benchmarks.report.MarkdownReport;
import io.jcoro.benchmarks.run.PeerComparison;
import io.jcoro.benchmarks.run.Settings;
import io.jcoro.benchmarks.run.SuiteRunner;
import io.jcoro.benchmarks.run.TargetJdk;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmarks jar's entry point.
 *
 * <pre>
 * java [-Dquick] -jar benchmarks/target/jcoro-benchmarks.jar run [JAVA_HOME ...]
 *     every part on each JDK given (default: this one), then the report
 * java -jar benchmarks/target/jcoro-benchmarks.jar report [RESULTS_DIR [MARKDOWN]]
 *     the report again from saved results (default benchmarks/results and BENCHMARKS.md)
 * java -jar benchmarks/target/jcoro-benchmarks.jar kernels [runs] [clients] [requests]
 *     K1: the scheduler on one and two kernels, a CPU-bound fan-out and the echo server's CPU
 *     per message, printed (see {@link io.jcoro.benchmarks.sched.KernelScaling})
 * java -jar benchmarks/target/jcoro-benchmarks.jar compare [JAVA_HOME ...]
 *     B1, B2 and B4 against Kilim and Loom in one run per JDK and heap setting, to
 *     benchmarks/results/compare, then the report
 * </pre>
 *
 * <p>{@code -Dquick} writes to {@code benchmarks/target/quick-results} (report included) and
 * leaves the saved results alone. See {@link Settings} for the other properties. The jar is
 * also an agent jar: the forks run with {@code -javaagent:} this jar.
 */
public final class BenchmarksMain {
    private BenchmarksMain() {
    }

    /**
     * @param args {@code run|compare [JAVA_HOME...]} or {@code report [RESULTS_DIR [MARKDOWN]]}
     * @throws Exception if a part fails
     */
    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        // No default command: a full run rewrites the committed results, so it is asked for by name.
        String command = rest.isEmpty() ? "" : rest.remove(0);
        Path jar = thisJar();
        Path root = repositoryRoot(jar);
        switch (command) {
            case "run" -> {
                Settings settings = Settings.fromSystemProperties(root);
                new SuiteRunner(jar, settings).run(jdks(rest));
                Path markdown = settings.quick() ? settings.results().resolve("BENCHMARKS.md") : root.resolve("BENCHMARKS.md");
                MarkdownReport.write(settings.results(), markdown);
                System.out.println("# report: " + markdown);
            }
            case "compare" -> {
                Settings settings = Settings.fromSystemProperties(root);
                PeerComparison.run(jar, settings, jdks(rest));
                Path markdown = settings.quick() ? settings.results().resolve("BENCHMARKS.md") : root.resolve("BENCHMARKS.md");
                MarkdownReport.write(settings.results(), markdown);
                System.out.println("# report: " + markdown);
            }
            case "report" -> {
                Path results = rest.isEmpty() ? root.resolve("benchmarks/results") : Path.of(rest.get(0));
                Path markdown = rest.size() > 1 ? Path.of(rest.get(1)) : root.resolve("BENCHMARKS.md");
                MarkdownReport.write(results.toAbsolutePath(), markdown.toAbsolutePath());
                System.out.println("# report: " + markdown);
            }
            case "kernels" -> io.jcoro.benchmarks.sched.KernelScaling.main(rest.toArray(String[]::new));
            default -> {
                System.err.println("usage: java [-Dquick] -jar jcoro-benchmarks.jar run|compare [JAVA_HOME...]\n"
                        + "       java -jar jcoro-benchmarks.jar report [RESULTS_DIR [MARKDOWN]]\n"
                        + "       java -jar jcoro-benchmarks.jar kernels [runs] [clients] [requests]");
                System.exit(2);
            }
        }
    }

    /** @return the JDKs at the homes given, or this one if none is */
    private static List<TargetJdk> jdks(List<String> homes) {
        List<TargetJdk> jdks = new ArrayList<>();
        for (String home : homes) {
            jdks.add(TargetJdk.at(Path.of(home)));
        }
        if (jdks.isEmpty()) {
            jdks.add(TargetJdk.current());
        }
        return jdks;
    }

    private static Path thisJar() throws URISyntaxException {
        Path p = Path.of(BenchmarksMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("run from the jar (the forks use it as their agent), not from " + p);
        }
        return p.toAbsolutePath();
    }

    /** benchmarks/target/jcoro-benchmarks.jar: two levels up; else the working directory. */
    private static Path repositoryRoot(Path jar) {
        Path module = jar.getParent().getParent();
        if (module != null && Files.isRegularFile(module.resolve("pom.xml")) && module.getParent() != null
                && Files.isRegularFile(module.getParent().resolve("pom.xml"))) {
            return module.getParent();
        }
        return Path.of("").toAbsolutePath();
    }
}
