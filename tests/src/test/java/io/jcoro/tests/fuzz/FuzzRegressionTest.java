package io.jcoro.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program the fuzzer ever caught disagreeing with its reference, kept as a fixture in
 * {@code src/test/resources/io/jcoro/tests/fuzz/regressions/} (see {@link Fixture}): each runs
 * in both variants, with and without debug information, and must agree now.
 */
class FuzzRegressionTest {

    @TestFactory
    Stream<DynamicTest> everyFixtureAgreesWithItsReference() throws Exception {
        URL dir = FuzzRegressionTest.class.getResource("regressions");
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            fixtures = files.filter(p -> p.toString().endsWith(".fuzz")).sorted().toList();
        }
        assertFalse(fixtures.isEmpty(), "no fixtures found in " + dir);
        io.jcoro.core.Jcoro.install();
        DifferentialFuzzer fuzzer = new DifferentialFuzzer(System.out, null);
        return fixtures.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            Fixture f = Fixture.parse(Files.readString(path, StandardCharsets.UTF_8));
            assertEquals(List.of(), fuzzer.replay(f.program(), f.script()), f.description());
        }));
    }
}
