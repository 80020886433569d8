package io.jcoro.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Jcoro;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the differential fuzzer: {@code jcoro.fuzz.programs} programs (default 150) from seed
 * {@code jcoro.fuzz.seed} (default 1). The tests module's pom runs 2000 in its javaagent
 * execution and 200 in its self-attach one; a long campaign is
 * {@code mvn -o verify -pl tests -Dtest=DifferentialFuzzTest -Djcoro.fuzz.programs=200000 -Djcoro.fuzz.seed=N}
 * (or {@code tests/fuzz-campaign}). A mismatch fails the test with its seed; its fixture is in
 * {@code tests/target/fuzz-mismatches/}, to be reduced and committed under
 * {@code src/test/resources/io/jcoro/tests/fuzz/regressions/}.
 *
 * <p>Tagged {@code needs-agent}: the programs are compiled at run time, so only an agent can
 * instrument them. The tag (unlike the woven execution's file excludes) holds under
 * {@code -Dtest=DifferentialFuzzTest}, which is how {@code tests/fuzz-campaign} selects it.
 */
@Tag("needs-agent")
class DifferentialFuzzTest {

    @Test
    void generatedProgramsBehaveTheSameInstrumentedAndPlain() throws Exception {
        // Each execution reads a property of its own: a -D given to Maven reaches every
        // execution's JVM and overrides the pom's values, so one shared name would make a
        // campaign's count run again self-attached.
        boolean selfAttached = "self-attach".equals(System.getProperty("jcoro.expectedMode"));
        String count = selfAttached ? "jcoro.fuzz.programs.selfAttach" : "jcoro.fuzz.programs";
        int programs = Integer.getInteger(count, 150);
        long seed = Long.getLong("jcoro.fuzz.seed", 1L);
        Assumptions.assumeTrue(programs > 0, "jcoro.fuzz.programs=0: no fuzzing in this execution");
        Jcoro.install(); // self-attach execution: transform the programs as they load
        try (DifferentialFuzzer fuzzer = new DifferentialFuzzer(System.out, Path.of("target", "fuzz-mismatches"))) {
            DifferentialFuzzer.Report report = fuzzer.campaign(seed, programs);
            assertEquals(List.of(), report.problems, report.toString());
            assertEquals(programs, report.programs + report.javacFaults);
            assertTrue(report.yields > programs, "the programs hardly yielded: " + report);
            assertTrue(report.transformedClasses >= programs, "too few classes transformed: " + report);
        }
    }
}
