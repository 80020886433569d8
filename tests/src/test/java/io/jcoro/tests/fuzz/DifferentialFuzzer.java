package io.jcoro.tests.fuzz;

import io.jcoro.agent.AgentLog;
import io.jcoro.agent.ClassInstrumenter;
import io.jcoro.tests.InMemoryJavac;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * The differential fuzzer: generates programs from consecutive seeds, compiles each (the
 * reference variant's class files are the same with the API names renamed: see
 * {@link ReferenceVariant}), verifies every class the agent transforms with ASM's
 * CheckClassAdapter (the JVM verifies it again when it loads it), runs both variants under the
 * same driver script and compares their transcripts line by line.
 *
 * <p>A mismatch is reported with its seed, script, source and the first differing lines, and
 * written as a fixture file (see {@link Fixture}) under the directory given, ready to be
 * committed as a regression test.
 */
public final class DifferentialFuzzer implements AutoCloseable {
    /** Mixed into a program's seed to get its driver script's seed. */
    private static final long SCRIPT_SALT = 0x3C6EF372FE94F82BL;

    private final InMemoryJavac javac = new InMemoryJavac(io.jcoro.core.Co.class, DifferentialFuzzer.class);
    private final ClassInstrumenter instrumenter = new ClassInstrumenter(
            new AgentLog(AgentLog.Level.QUIET, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    private final PrintStream log;
    private final Path mismatchDirectory;

    /** What a campaign found. */
    public static final class Report {
        /** Programs generated, compiled and run in both variants. */
        public int programs;
        /** Driver steps taken (in the instrumented variant). */
        public long steps;
        /** Values yielded out. */
        public long yields;
        /** Classes the agent transformed, each verified with CheckClassAdapter. */
        public int transformedClasses;
        /** Programs set aside because javac crashed on them or wrote classes that do not verify. */
        public int javacFaults;
        /** Time spent compiling, verifying and running, in nanoseconds. */
        long compileNanos;
        long verifyNanos;
        long runNanos;
        /** One line per problem: a mismatch, a verifier complaint, an uncompilable program. */
        public final List<String> problems = new ArrayList<>();
        /** Per shape of issue 10: programs that have it, and how many of them had a problem. */
        public final Map<Shape, ShapeCount> shapes = new EnumMap<>(Shape.class);

        /** How often a campaign met one shape. */
        public static final class ShapeCount {
            /** Programs that have the shape (run in both variants). */
            public int programs;
            /** Of those, programs with a problem. */
            public int problems;
            /** The seed of the first such program with the fewest other shapes, or null. */
            public Long seed;
            private int otherShapes = Integer.MAX_VALUE;
        }

        void count(Program p, boolean problem) {
            for (Shape shape : p.shapes()) {
                ShapeCount c = shapes.computeIfAbsent(shape, k -> new ShapeCount());
                c.programs++;
                if (problem) {
                    c.problems++;
                    if (p.shapes().size() < c.otherShapes) {
                        c.otherShapes = p.shapes().size();
                        c.seed = p.seed();
                    }
                }
            }
        }

        /** @return one line per shape: programs, problems, a seed that shows it */
        public String shapeTable() {
            StringBuilder sb = new StringBuilder();
            for (Shape shape : Shape.values()) {
                ShapeCount c = shapes.get(shape);
                if (c != null) {
                    sb.append(String.format("  %-26s %6d programs %6d with problems%s%n", shape, c.programs, c.problems,
                            c.seed == null ? "" : " (seed " + c.seed + ")"));
                }
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return programs + " programs (" + javacFaults + " more set aside: javac crashed or miscompiled), " + steps + " driver steps, " + yields + " yields, "
                    + transformedClasses + " transformed classes verified, " + problems.size() + " problems"
                    + " (compile " + compileNanos / 1_000_000 + " ms, verify " + verifyNanos / 1_000_000
                    + " ms, run " + runNanos / 1_000_000 + " ms)";
        }
    }

    /**
     * @param log where to report progress and problems
     * @param mismatchDirectory where to write a fixture for each mismatch, or null
     */
    public DifferentialFuzzer(PrintStream log, Path mismatchDirectory) {
        this.log = log;
        this.mismatchDirectory = mismatchDirectory;
    }

    /**
     * Runs programs generated from seeds {@code first} to {@code first + count - 1}.
     *
     * @param first the first seed
     * @param count how many programs
     * @return what was found
     */
    public Report campaign(long first, int count) {
        Report report = new Report();
        int batch = 25;
        long started = System.nanoTime();
        for (long seed = first; seed < first + count; seed += batch) {
            int n = (int) Math.min(batch, first + count - seed);
            List<Program> programs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long s = seed + i;
                programs.add(ProgramGenerator.generate(s, "P" + Long.toString(s & Long.MAX_VALUE, 36)));
            }
            boolean debugInfo = (seed / batch) % 2 == 1;
            long t0 = System.nanoTime();
            Map<Program, Compiled> compiled = compileAll(programs, debugInfo, report);
            report.compileNanos += System.nanoTime() - t0;
            for (Map.Entry<Program, Compiled> e : compiled.entrySet()) {
                Program p = e.getKey();
                DriverScript script = DriverScript.random(p.seed() ^ SCRIPT_SALT,
                        p.shapes().contains(Shape.STOP_ITERATION_THROWN_IN));
                int before = report.problems.size();
                if (check(p, script, e.getValue(), report)) {
                    report.count(p, report.problems.size() > before);
                }
            }
            if ((seed - first) / batch % 40 == 39) {
                log.printf("fuzz: %s in %d s%n", report, (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
        log.printf("fuzz: seeds %d..%d: %s in %d s%n", first, first + count - 1, report,
                (System.nanoTime() - started) / 1_000_000_000L);
        log.print("fuzz: shapes of issue 10:\n" + report.shapeTable());
        return report;
    }

    /**
     * Runs one program (a fixture) in both variants.
     *
     * @param program the program
     * @param script the driver script
     * @return the problems found, empty if the runs agree
     * @throws InMemoryJavac.CompileError if the program does not compile
     */
    public List<String> replay(Program program, DriverScript script) throws InMemoryJavac.CompileError {
        Report report = new Report();
        for (boolean debugInfo : new boolean[] {false, true}) {
            Map<String, byte[]> inst = javac.compile(
                    program.sources(Program.Variant.INSTRUMENTED), debugInfo, program.javacOptions());
            Compiled c = new Compiled(inst, ReferenceVariant.of(inst));
            check(program, script, c, report);
        }
        if (report.javacFaults > 0) {
            report.problems.add("javac miscompiles this program: it cannot tell anything about jcoro");
        }
        return report.problems;
    }

    /** Both variants' class files of one program. */
    private record Compiled(Map<String, byte[]> instrumented, Map<String, byte[]> reference) {
    }

    /** Compiles a batch, in one javac run per set of options (programs for --release 8 apart). */
    private Map<Program, Compiled> compileAll(List<Program> programs, boolean debugInfo, Report report) {
        Map<List<String>, List<Program>> byOptions = new LinkedHashMap<>();
        for (Program p : programs) {
            byOptions.computeIfAbsent(p.javacOptions(), k -> new ArrayList<>()).add(p);
        }
        Map<Program, Compiled> result = new LinkedHashMap<>();
        for (List<Program> group : byOptions.values()) {
            compileInto(group, debugInfo, report, result);
        }
        return result;
    }

    /** Compiles a batch; if javac fails, bisects it to keep the programs that compile. */
    private void compileInto(List<Program> programs, boolean debugInfo, Report report, Map<Program, Compiled> result) {
        try {
            Map<String, byte[]> inst = javac.compile(sources(programs, Program.Variant.INSTRUMENTED), debugInfo,
                    programs.get(0).javacOptions());
            for (Program p : programs) {
                Map<String, byte[]> mine = classesOf(p, inst);
                Map<String, byte[]> reference;
                try {
                    reference = ReferenceVariant.of(mine);
                } catch (IllegalArgumentException | IndexOutOfBoundsException | NullPointerException unreadable) {
                    // javac 17 sometimes writes code the JVM refuses without any agent (seed
                    // 7700030529: garbage opcodes in the dead code after a switch whose arms all
                    // jump away; seed 7700037295: a bad constant index; near seed 7000790, after
                    // javac crashed on other programs of its batch, a class constant ASM reads as
                    // null). Not jcoro's to answer for.
                    report.javacFaults++;
                    log.printf("fuzz: seed %d set aside: javac wrote a class file ASM cannot read (%s)%n",
                            p.seed(), unreadable);
                    continue;
                }
                result.put(p, new Compiled(mine, reference));
            }
        } catch (InMemoryJavac.CompileError failed) {
            if (programs.size() > 1) {
                int half = programs.size() / 2;
                compileInto(programs.subList(0, half), debugInfo, report, result);
                compileInto(programs.subList(half, programs.size()), debugInfo, report, result);
            } else if (javacFault(failed.getMessage()) != null) {
                report.javacFaults++;
                log.printf("fuzz: seed %d set aside: %s%n", programs.get(0).seed(), javacFault(failed.getMessage()));
            } else {
                problem(report, "seed " + programs.get(0).seed() + ": the generator wrote a program javac rejects:\n"
                        + failed.getMessage() + "\n" + numbered(programs.get(0), Program.Variant.INSTRUMENTED));
            }
        }
    }

    /**
     * @param diagnostics what javac said about a program it did not compile
     * @return what went wrong in javac itself, or null if javac rejects the program
     */
    static String javacFault(String diagnostics) {
        if (diagnostics.contains("An exception has occurred in the compiler")) {
            // javac 17 crashes spilling a long or double around a switch expression that
            // contains a try (Code.newLocal on the empty second slot): not our bug.
            return "javac crashed";
        }
        if (diagnostics.contains("error: Internal error: ")) {
            // javac 17 reports an internal error of its own, e.g. "stack sim error" on a method
            // (seed 9100004661 of the grammar before issue 10): its code generator's fault.
            return "javac's internal error (" + diagnostics.lines().filter(l -> l.contains("Internal error"))
                    .findFirst().orElse("").trim() + ")";
        }
        return null;
    }

    private static Map<String, String> sources(List<Program> programs, Program.Variant variant) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Program p : programs) {
            sources.putAll(p.sources(variant));
        }
        return sources;
    }

    private static Map<String, byte[]> classesOf(Program p, Map<String, byte[]> all) {
        Map<String, byte[]> mine = new LinkedHashMap<>();
        all.forEach((name, bytes) -> {
            if (Program.owns(p.qualifiedName(), name)) {
                mine.put(name, bytes);
            }
        });
        return mine;
    }

    /** @return whether the program ran (javac's faults are set aside) */
    private boolean check(Program p, DriverScript script, Compiled c, Report report) {
        Transcript generated;
        Transcript reference;
        ProgramLoader instLoader = new ProgramLoader(c.instrumented());
        ProgramLoader refLoader = new ProgramLoader(c.reference());
        boolean referenceRan = false;
        try {
            long t0 = System.nanoTime();
            if (!verify(p, c, instLoader, refLoader, report)) {
                report.javacFaults++;
                return false;
            }
            report.programs++;
            long t1 = System.nanoTime();
            report.verifyNanos += t1 - t0;
            io.jcoro.core.CoSupplier<?> body = (io.jcoro.core.CoSupplier<?>)
                    instLoader.loadClass(p.qualifiedName()).getConstructor().newInstance();
            io.jcoro.tests.fuzz.ref.CoSupplier<?> plain = (io.jcoro.tests.fuzz.ref.CoSupplier<?>)
                    refLoader.loadClass(p.qualifiedName()).getConstructor().newInstance();
            reference = ReferenceRun.run(plain, script, p.qualifiedName());
            referenceRan = true;
            generated = GeneratedRun.run(body, script, p.qualifiedName());
            report.runNanos += System.nanoTime() - t1;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (e instanceof VerifyError && !referenceRan) {
                // javac 17 writes wrong stack-map frames for some switch expressions inside catch
                // blocks (ASM's data-flow check passes them): its own class, the reference's,
                // fails the JVM's verifier; the agent recomputes the frames of what it rewrites
                report.programs--;
                report.javacFaults++;
                log.printf("fuzz: seed %d set aside: javac wrote a class that does not verify%n", p.seed());
                return false;
            }
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            problem(report, "seed " + p.seed() + ": the harness failed: " + trace + "\n"
                    + numbered(p, Program.Variant.INSTRUMENTED));
            return true;
        }
        for (String line : generated.lines()) {
            if (line.startsWith("SUSPENDED > ") || line.startsWith("CREATED > ")) {
                report.steps++;
            } else if (line.startsWith("= yield ")) {
                report.yields++;
            }
        }
        List<String> a = generated.lines();
        List<String> b = reference.lines();
        if (!a.equals(b)) {
            String fixture = Fixture.format(p, script, "mismatch found by the fuzzer, seed " + p.seed());
            if (mismatchDirectory != null) {
                try {
                    Files.createDirectories(mismatchDirectory);
                    Files.writeString(mismatchDirectory.resolve(p.className() + ".fuzz"), fixture);
                } catch (IOException e) {
                    log.println("fuzz: cannot write the fixture: " + e);
                }
            }
            problem(report, "seed " + p.seed() + ": MISMATCH between the instrumented run and the reference run\n"
                    + difference(a, b) + "\nscript: " + script.format() + "\nshapes: " + p.shapes() + "\n"
                    + numbered(p, Program.Variant.INSTRUMENTED));
        }
        return true;
    }

    /**
     * CheckClassAdapter on every class the agent transforms; none of the reference's is.
     *
     * @return false if javac's own classes do not verify (javac 17 miscompiles some switch
     *         expressions that contain a try): the program is set aside, not held against jcoro
     */
    private boolean verify(Program p, Compiled c, ClassLoader instLoader, ClassLoader refLoader, Report report) {
        for (Map.Entry<String, byte[]> e : c.instrumented().entrySet()) {
            byte[] out = instrumenter.instrument(instLoader, e.getValue());
            if (out == null) {
                continue;
            }
            String complaints = complaints(out, instLoader);
            if (!complaints.isEmpty()) {
                if (!complaints(e.getValue(), instLoader).isEmpty()) {
                    return false;
                }
                problem(report, "seed " + p.seed() + ": transformed " + e.getKey()
                        + " fails CheckClassAdapter:\n" + complaints + "\n" + numbered(p, Program.Variant.INSTRUMENTED));
            }
            report.transformedClasses++;
        }
        for (Map.Entry<String, byte[]> e : c.reference().entrySet()) {
            if (instrumenter.instrument(refLoader, e.getValue()) != null) {
                problem(report, "seed " + p.seed() + ": the agent would transform the reference class " + e.getKey());
            }
        }
        return true;
    }

    private static String complaints(byte[] classFile, ClassLoader loader) {
        StringWriter complaints = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(classFile), loader, false, new PrintWriter(complaints));
        return complaints.toString();
    }

    private void problem(Report report, String text) {
        report.problems.add(text.lines().findFirst().orElse(text));
        log.println("fuzz: " + text);
    }

    /** The first differing line of two transcripts, with some lines before it. */
    static String difference(List<String> instrumented, List<String> reference) {
        int i = 0;
        while (i < instrumented.size() && i < reference.size() && instrumented.get(i).equals(reference.get(i))) {
            i++;
        }
        StringBuilder sb = new StringBuilder();
        for (int k = Math.max(0, i - 12); k < i; k++) {
            sb.append("    ").append(instrumented.get(k)).append('\n');
        }
        sb.append("  instrumented: ").append(i < instrumented.size() ? instrumented.get(i) : "<end>").append('\n');
        sb.append("  reference:    ").append(i < reference.size() ? reference.get(i) : "<end>");
        return sb.toString();
    }

    private static String numbered(Program p, Program.Variant variant) {
        StringBuilder sb = new StringBuilder();
        p.sources(variant).forEach((name, source) -> sb.append(name).append(".java:\n").append(numbered(source)));
        return sb.toString();
    }

    private static String numbered(String source) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String line : source.split("\n", -1)) {
            sb.append(String.format("%4d  %s%n", ++n, line));
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        javac.close();
    }

    /**
     * A campaign from the command line (see {@code tests/fuzz-campaign}): run under the agent
     * with the tests module's test class path.
     *
     * @param args the first seed and the number of programs
     * @throws IOException if the compiler cannot be closed
     */
    public static void main(String[] args) throws IOException {
        long first = args.length > 0 ? Long.parseLong(args[0]) : 1L;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        io.jcoro.core.Jcoro.install();
        Report report;
        try (DifferentialFuzzer fuzzer = new DifferentialFuzzer(System.out, Path.of("target", "fuzz-mismatches"))) {
            report = fuzzer.campaign(first, count);
        }
        report.problems.forEach(p -> System.out.println("problem: " + p));
        System.out.print("shapes of issue 10:\n" + report.shapeTable());
        System.exit(report.problems.isEmpty() ? 0 : 1);
    }
}
