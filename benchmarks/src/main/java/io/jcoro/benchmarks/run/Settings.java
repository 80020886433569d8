package io.jcoro.benchmarks.run;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How long and how much to measure: the full settings for a 2-core machine (the issue's: 2 forks,
 * 3 x 1 s warm-up, 5 x 1 s measurement; M1 with 100,000 coroutines, S2 with 1,000,000 tasks), or
 * {@code -Dquick} (under two minutes for one JDK: a smoke test, not a measurement). Every field
 * can be overridden with a system property of the same name.
 *
 * @param quick           the quick mode
 * @param forks           JMH forks per benchmark ({@code -Dforks})
 * @param warmups         JMH warm-up iterations ({@code -Dwarmups})
 * @param iterations      JMH measurement iterations ({@code -Diterations})
 * @param iterationMillis length of each iteration ({@code -DiterationMillis})
 * @param depths          B2's depths
 * @param include         which JMH benchmarks (a regex; {@code -Dinclude})
 * @param m1Count         suspended generators kept at once in M1 ({@code -Dm1Count})
 * @param s2Count         sleeping tasks in S2 ({@code -Ds2Count})
 * @param n1Rounds        measured rounds per N1 case ({@code -Dn1Rounds})
 * @param n1Loads         N1's {@code clients:requests} cases ({@code -Dn1Loads=100:2000,1000:300})
 * @param parts           which parts to run ({@code -Dparts=jmh,m1,s2,n1,python})
 * @param quietMinutes    before each JDK, wait for the 1-minute load average to drop below 1, this
 *                        many minutes at most in all ({@code -DquietMinutes}; 0: do not wait)
 * @param results         where results go ({@code -Dresults})
 */
public record Settings(boolean quick, int forks, int warmups, int iterations, int iterationMillis,
                       List<String> depths, String include, int m1Count, int s2Count, int n1Rounds,
                       List<String> n1Loads, List<String> parts, int quietMinutes, Path results) {

    /**
     * @param repositoryRoot where BENCHMARKS.md goes
     * @return the settings from the system properties
     */
    public static Settings fromSystemProperties(Path repositoryRoot) {
        boolean quick = System.getProperty("quick") != null && !"false".equals(System.getProperty("quick"));
        Path defaultResults = quick ? repositoryRoot.resolve("benchmarks/target/quick-results")
                : repositoryRoot.resolve("benchmarks/results");
        return new Settings(
                quick,
                Integer.getInteger("forks", quick ? 1 : 2),
                Integer.getInteger("warmups", quick ? 1 : 3),
                Integer.getInteger("iterations", quick ? 2 : 5),
                Integer.getInteger("iterationMillis", quick ? 200 : 1000),
                list("depths", quick ? "1,10,100" : "1,3,10,30,100"),
                System.getProperty("include", "io\\.jcoro\\.benchmarks\\.(jmh|loom)\\..*"),
                Integer.getInteger("m1Count", quick ? 10_000 : 100_000),
                Integer.getInteger("s2Count", quick ? 100_000 : 1_000_000),
                Integer.getInteger("n1Rounds", quick ? 1 : 3),
                list("n1Loads", quick ? "100:100,1000:20" : "100:2000,1000:300"),
                list("parts", "jmh,m1,s2,n1,python"),
                Integer.getInteger("quietMinutes", 0),
                Path.of(System.getProperty("results", defaultResults.toString())).toAbsolutePath());
    }

    private static List<String> list(String property, String defaults) {
        return Arrays.asList(System.getProperty(property, defaults).split(","));
    }

    /** @return whether {@code part} is to run */
    boolean runs(String part) {
        return parts.contains(part);
    }

    /** @return one line saying what these settings are */
    public String describe() {
        return (quick ? "quick" : "full") + ": JMH -f " + forks + " -wi " + warmups + " -i " + iterations + " -w/-r "
                + iterationMillis + " ms -prof gc; B2 depths " + depths + "; M1 " + m1Count + " generators; S2 "
                + s2Count + " tasks; N1 " + n1Loads + " (clients:requests) x " + n1Rounds + " rounds";
    }
}
