package io.jcoro.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lists the samples and runs one by name:
 * <pre>
 * java -jar jcoro-samples.jar              # the showcase
 * java -jar jcoro-samples.jar list         # every sample, with what it shows
 * java -jar jcoro-samples.jar countdown    # one sample (extra arguments are passed on)
 * </pre>
 * Samples are listed in {@code io/jcoro/samples/*.samples} files, one per course part, each line
 * {@code name class description}. Every sample class has {@code run(PrintStream, String...)},
 * which the tests call, and a {@code main}. A sample run in a way it cannot work throws
 * {@link UsageException}, printed here as its message alone.
 */
public final class Samples {
    /** The lists, in course order. */
    private static final String[] LISTS = {"generators", "pipelines", "xml", "bridges", "os", "net", "tasks"};
    private static final String SHOWCASE = "showcase";

    private Samples() {
    }

    /**
     * A runnable sample.
     *
     * @param name what to type
     * @param className the class with {@code run(PrintStream, String...)}
     * @param description what it shows
     */
    public record Sample(String name, String className, String description) {
        /**
         * Runs the sample.
         *
         * @param out where it prints
         * @param args its arguments
         * @throws Exception whatever the sample throws
         */
        public void run(PrintStream out, String... args) throws Exception {
            Method run = Class.forName(className).getMethod("run", PrintStream.class, String[].class);
            try {
                run.invoke(null, out, args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
            }
        }
    }

    /** @return every sample, in course order */
    public static List<Sample> all() {
        List<Sample> samples = new ArrayList<>();
        for (String list : LISTS) {
            InputStream in = Samples.class.getResourceAsStream(list + ".samples");
            if (in == null) {
                continue;
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    line = line.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    String[] parts = line.split("\\s+", 3);
                    samples.add(new Sample(parts[0], parts[1], parts.length > 2 ? parts[2] : ""));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read sample list " + list, e);
            }
        }
        return samples;
    }

    /**
     * @param name a sample's name
     * @return the sample
     * @throws IllegalArgumentException if there is none of that name
     */
    public static Sample named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample named '" + name
                        + "'; `list` shows them all"));
    }

    /**
     * @param args nothing (the showcase), {@code list}, or a sample name and its arguments
     * @throws Exception whatever the sample throws
     */
    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? SHOWCASE : args[0];
        if (name.equals("list")) {
            for (Sample s : all()) {
                System.out.printf("%-16s %s%n", s.name(), s.description());
            }
            return;
        }
        Sample sample;
        try {
            sample = named(name);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            sample.run(System.out, Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        } catch (UsageException e) {
            System.out.flush();
            System.err.println(name + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
