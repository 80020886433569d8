package io.jcoro.benchmarks.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * CPython's column: runs {@code benchmarks/python/shapes.py} (carried in the jar) with
 * {@code python3} (or {@code -Dpython=...}) and returns the JSON it prints.
 */
public final class CPythonBaseline {
    private static final String SCRIPT = "io/jcoro/benchmarks/python/shapes.py";

    /**
     * What a run gave.
     *
     * @param command how to run it again from the repository root
     * @param json    the script's output
     */
    public record Result(String command, String json) {
    }

    private CPythonBaseline() {
    }

    /**
     * @param quick fewer repetitions
     * @return the figures
     * @throws IllegalStateException if python fails
     */
    public static Result run(boolean quick) {
        String python = System.getProperty("python", "python3");
        try {
            Path script = Files.createTempFile("jcoro-shapes", ".py");
            try {
                try (InputStream in = CPythonBaseline.class.getClassLoader().getResourceAsStream(SCRIPT)) {
                    if (in == null) {
                        throw new IllegalStateException(SCRIPT + " is not in the jar");
                    }
                    Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
                }
                List<String> cmd = new ArrayList<>(List.of(python, script.toString()));
                if (quick) {
                    cmd.add("--quick");
                }
                System.out.println("# " + String.join(" ", cmd));
                Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException(python + " failed on " + SCRIPT);
                }
                return new Result(python + " benchmarks/python/shapes.py" + (quick ? " --quick" : ""), out);
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + python, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
