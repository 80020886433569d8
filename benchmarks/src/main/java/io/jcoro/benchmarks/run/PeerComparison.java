package io.jcoro.benchmarks.run;

import io.jcoro.benchmarks.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The peer comparison: B1, B2 and B4 in jcoro, the hand-written floor, Kilim 2.0.2 and, on JDK
 * 21+, Loom's {@code Continuation}, all in one JMH run per JDK and heap setting, so that every
 * ratio between them comes from one run. Two heap settings, one run each: the JVM's defaults, and
 * a pre-touched fixed heap ({@code -Xms1g -Xmx1g -XX:+AlwaysPreTouch}), because on a VM whose
 * memory the host hands out lazily an allocating benchmark is bimodal until G1 has touched its
 * pages. Results go to {@code results/compare/jdk-N/{default,pretouch}.json}, each with its
 * {@code run-{default,pretouch}.json} (versions, command, load averages); {@code -Dheaps=pretouch}
 * runs one setting only, and {@code -Dset=primitive} measures P1 instead (the primitive
 * generators against boxing, to {@code primitive-*.json}). Forks and iterations come from {@link Settings}; B2's
 * depths are {@code -Ddepths} or 1, 10 and 100 (enough for the cost per frame).
 */
public final class PeerComparison {
    /** The columns compared, and nothing else (not the virtual threads, not the diagnostics). */
    static final String INCLUDE = "io\\.jcoro\\.benchmarks\\.(jmh\\.(Yield|Depth|Spawn)Bench\\.(jcoro|floor|kilim)"
            + "|loom\\.(Yield|Depth|Spawn)LoomBench\\.continuation)$";
    /** P1 ({@code -Dset=primitive}): an IntGenerator against a boxing Generator&lt;Integer&gt;. */
    static final String PRIMITIVE = "io\\.jcoro\\.benchmarks\\.jmh\\.PrimitiveYieldBench\\..*";
    /** Heap settings by name, in the order they run. */
    static final Map<String, List<String>> HEAPS = heaps();

    private PeerComparison() {
    }

    private static Map<String, List<String>> heaps() {
        Map<String, List<String>> heaps = new LinkedHashMap<>();
        heaps.put("default", List.of());
        heaps.put("pretouch", List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"));
        return heaps;
    }

    /**
     * @param jar      this jar (the forks' class path and agent)
     * @param settings forks and iterations
     * @param jdks     the JDKs to measure on, in turn
     * @throws IOException     if results cannot be written
     * @throws RunnerException if JMH fails
     */
    public static void run(Path jar, Settings settings, List<TargetJdk> jdks) throws IOException, RunnerException {
        List<String> depths = System.getProperty("depths") != null ? settings.depths() : List.of("1", "10", "100");
        List<String> names = List.of(System.getProperty("heaps", String.join(",", HEAPS.keySet())).split(","));
        boolean primitive = "primitive".equals(System.getProperty("set"));
        String include = primitive ? PRIMITIVE : INCLUDE;
        String prefix = primitive ? "primitive-" : "";
        for (TargetJdk jdk : jdks) {
            Path dir = settings.results().resolve("compare").resolve(jdk.key());
            Files.createDirectories(dir);
            for (String name : names) {
                List<String> heap = HEAPS.get(name);
                if (heap == null) {
                    throw new IllegalArgumentException("PeerComparison: -Dheaps names " + name + ", not one of "
                            + HEAPS.keySet());
                }
                System.out.println("# " + jdk.key() + " (" + jdk.version() + "), heap " + name + " " + heap);
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("jdk", jdk.version());
                run.put("source", MachineState.sourceVersion());
                run.put("settings", "JMH -f " + settings.forks() + " -wi " + settings.warmups() + " -i "
                        + settings.iterations() + " -w/-r " + settings.iterationMillis() + " ms -prof gc; B2 depths "
                        + depths);
                run.put("machine", MachineState.describe());
                run.put("before", MachineState.snapshot());
                Instant start = Instant.now();
                run.put("command", JmhSuite.run(jdk, jar, settings, include, depths, heap,
                        dir.resolve(prefix + name + ".json")));
                run.put("after", MachineState.snapshot());
                run.put("seconds", Duration.between(start, Instant.now()).toSeconds());
                Files.writeString(dir.resolve("run-" + prefix + name + ".json"), Json.write(run));
            }
        }
    }
}
