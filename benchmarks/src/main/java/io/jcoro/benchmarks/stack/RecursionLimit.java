package io.jcoro.benchmarks.stack;

import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * How deep a recursive coroutine gets before {@link StackOverflowError}, against the same method
 * without {@code @Coroutine}, on a thread with the default stack size.
 *
 * <pre>
 * J=benchmarks/target/jcoro-benchmarks.jar
 * java -javaagent:$J -cp $J io.jcoro.benchmarks.stack.RecursionLimit
 * </pre>
 *
 * <p>The limit depends on which tier runs the frames (the interpreter, C1 or C2 size a frame
 * differently), so each shape of {@link Recursion} is measured in a JVM of its own per tier
 * setting: with the default tiers cold (the first recursion in the JVM) and warm (after 20,000
 * shallow runs of the method that suspend and resume at the bottom), and with the interpreter
 * only, C1 only and C2 only. Each JVM is this one's {@code java} with its agent and class path.
 * The ratio is plain depth over coroutine depth: how many plain frames one instrumented frame
 * costs.
 */
public final class RecursionLimit {
    /** Tier settings, each in a JVM of its own. */
    private static final String[][] TIERS = {
        {"default"},
        {"interpreter", "-Xint"},
        {"C1 only", "-XX:TieredStopAtLevel=1"},
        {"C2 only", "-XX:-TieredCompilation"},
    };
    private static final String[] SHAPES = {"chain", "walk"};
    private static final int WARM_UP = 20_000;
    private static final int WARM_DEPTH = 50;

    private RecursionLimit() {
    }

    /**
     * @param args none (runs every JVM and prints the table), or {@code SHAPE} to measure one
     *             shape in this JVM
     * @throws Exception if a child JVM fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 1) {
            measure(args[0]);
            return;
        }
        System.out.println("# recursion limit on the default thread stack, java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        System.out.printf("%-6s %-12s %-5s %9s %11s %6s%n", "shape", "tiers", "state", "plain", "coroutine", "ratio");
        for (String shape : SHAPES) {
            for (String[] tier : TIERS) {
                for (String line : child(shape, tier)) {
                    String[] f = line.split(" ");
                    int plain = Integer.parseInt(f[1]);
                    int coroutine = Integer.parseInt(f[2]);
                    System.out.printf("%-6s %-12s %-5s %9d %11d %6.2f%n", shape, tier[0], f[0], plain,
                            coroutine, (double) plain / coroutine);
                }
            }
        }
    }

    /** Runs one shape in a child JVM; returns its "state plain coroutine" lines. */
    private static List<String> child(String shape, String[] tier) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        for (int i = 1; i < tier.length; i++) {
            command.add(tier[i]);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RecursionLimit.class.getName());
        command.add(shape);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line; (line = r.readLine()) != null;) {
                lines.add(line);
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("child JVM failed: " + command);
        }
        return lines;
    }

    /** In the child: cold, then warmed up, plain and coroutine; one line each. */
    private static void measure(String shape) throws InterruptedException {
        IntSupplier plain = () -> {
            Recursion.deepest = 0;
            try {
                plain(shape, Integer.MAX_VALUE);
            } catch (StackOverflowError expected) {
                // the figure is how far it got
            }
            return Recursion.deepest;
        };
        IntSupplier coroutine = () -> {
            Recursion.deepest = 0;
            Generator<Object> g = Generator.of(() -> {
                try {
                    coroutine(shape, Integer.MAX_VALUE);
                } catch (StackOverflowError expected) {
                    // the figure is how far it got
                }
            });
            if (g.hasNext()) {
                throw new IllegalStateException("the recursion yielded before it overflowed");
            }
            return Recursion.deepest;
        };
        System.out.println("cold " + onFreshThread(plain) + " " + onFreshThread(coroutine));
        for (int i = 0; i < WARM_UP; i++) {
            plain(shape, WARM_DEPTH);
            Generator<Object> g = Generator.of(() -> coroutine(shape, WARM_DEPTH));
            g.next();                   // suspends at the bottom
            if (g.hasNext()) {          // resumes: every frame restores, then returns
                throw new IllegalStateException("yielded twice");
            }
        }
        System.out.println("warm " + onFreshThread(plain) + " " + onFreshThread(coroutine));
    }

    private static void plain(String shape, int bottom) {
        if (shape.equals("chain")) {
            Recursion.chain(0, bottom);
        } else {
            Recursion.walk(0, bottom, 1L, "tag!");
        }
    }

    @Coroutine
    private static void coroutine(String shape, int bottom) {
        if (shape.equals("chain")) {
            Recursion.coChain(0, bottom);
        } else {
            Recursion.coWalk(0, bottom, 1L, "tag!");
        }
    }

    /** Runs {@code depth} on a new thread with the default stack size (as the main thread's). */
    private static int onFreshThread(IntSupplier depth) throws InterruptedException {
        int[] result = new int[1];
        Thread t = new Thread(() -> result[0] = depth.getAsInt(), "recursion");
        t.start();
        t.join();
        return result[0];
    }
}
