package io.jcoro.agent.weave;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line, for build tools other than Maven: the agent jar's {@code Main-Class}.
 *
 * <pre>
 * java -jar jcoro-agent.jar instrument &lt;dir|jar&gt; [--out PATH] [--classpath CP]
 *                                     [--refusals fail|warn] [--verbose]
 * </pre>
 *
 * Weaves a classes directory or a jar, in place unless {@code --out} says where. {@code
 * --classpath} lists the code's dependencies (jcoro-runtime among them), separated as the
 * platform separates class paths. Exit status 0 on success, 1 if a class was refused or failed
 * (with {@code --refusals warn}, refusals are printed and the classes written with the throwing
 * bodies the agent would give them), 2 for a usage error.
 */
public final class WeaveCommand {
    private static final String USAGE = "usage: java -jar jcoro-agent.jar instrument <dir|jar>"
            + " [--out PATH] [--classpath CP] [--refusals fail|warn] [--verbose]";

    private WeaveCommand() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * @param args the command line
     * @param out where the summary goes
     * @param err where refusals, failures and usage errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !args[0].equals("instrument")) {
            err.println(USAGE);
            return 2;
        }
        Path input = Paths.get(args[1]);
        Path output = input;
        List<Path> classPath = new ArrayList<>();
        boolean warn = false;
        boolean verbose = false;
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            boolean hasValue = i + 1 < args.length;
            if (a.equals("--out") && hasValue) {
                output = Paths.get(args[++i]);
            } else if (a.equals("--classpath") && hasValue) {
                for (String entry : args[++i].split(File.pathSeparator)) {
                    if (!entry.isEmpty()) {
                        classPath.add(Paths.get(entry));
                    }
                }
            } else if (a.equals("--refusals") && hasValue && args[i + 1].matches("fail|warn")) {
                warn = args[++i].equals("warn");
            } else if (a.equals("--verbose")) {
                verbose = true;
            } else {
                err.println("unknown or incomplete option " + a + "\n" + USAGE);
                return 2;
            }
        }
        if (!Files.exists(input)) {
            err.println("no such directory or jar: " + input);
            return 2;
        }
        Weaver weaver = new Weaver(classPath, warn, verbose ? line -> out.println("[jcoro] " + line) : null);
        WeaveReport report;
        try {
            report = Files.isDirectory(input)
                    ? weaver.weaveDirectory(input, output, null)
                    : weaver.weaveJar(input, output);
        } catch (IOException | RuntimeException e) {
            err.println("[jcoro] cannot weave " + input + ": " + e);
            return 1;
        }
        for (String refusal : report.refusals()) {
            err.println("[jcoro] " + (warn ? "" : "error: ") + refusal);
        }
        for (String failure : report.failures()) {
            err.println("[jcoro] error: cannot weave " + failure);
        }
        out.println("[jcoro] " + input + ": " + report.summary());
        return report.failures().isEmpty() && (warn || report.refusals().isEmpty()) ? 0 : 1;
    }
}
