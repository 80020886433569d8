package io.jcoro.tests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A committed regression case: a program (its class name and body) and a driver script, in a
 * text file the fuzzer writes for every mismatch:
 * <pre>
 * # what went wrong, one line
 * class: P1x2
 * script: next; send i:3; throw FuzzA; close
 * release: 8                    (optional: javac's --release)
 * ---
 * (the program's body, as Program.body)
 * --- companion                 (optional: the companion class of package fz.q, as Program.companion)
 * (its body)
 * </pre>
 *
 * @param description the first line
 * @param program the program
 * @param script the driver script
 */
public record Fixture(String description, Program program, DriverScript script) {

    /** The line that separates the program's body from its companion's. */
    private static final String COMPANION = "--- companion\n";

    /**
     * @param program the program
     * @param script the script
     * @param description what it reproduces
     * @return the fixture file's text
     */
    static String format(Program program, DriverScript script, String description) {
        return "# " + description + "\n"
                + "class: " + program.className() + "\n"
                + "script: " + script.format() + "\n"
                + (program.release() == 0 ? "" : "release: " + program.release() + "\n")
                + "---" + program.body()
                + (program.companion() == null ? "" : COMPANION + program.companion());
    }

    /**
     * @param text a fixture file's text
     * @return the fixture
     */
    static Fixture parse(String text) {
        int separator = text.indexOf("\n---");
        if (separator < 0) {
            throw new IllegalArgumentException("a fixture needs a --- line before the program");
        }
        String description = "";
        String className = null;
        int release = 0;
        DriverScript script = new DriverScript(List.of());
        List<String> header = new ArrayList<>(List.of(text.substring(0, separator).split("\n")));
        for (String line : header) {
            if (line.startsWith("#")) {
                description = line.substring(1).trim();
            } else if (line.startsWith("class:")) {
                className = line.substring(6).trim();
            } else if (line.startsWith("release:")) {
                release = Integer.parseInt(line.substring(8).trim());
            } else if (line.startsWith("script:")) {
                script = DriverScript.parse(line.substring(7));
            }
        }
        if (className == null) {
            throw new IllegalArgumentException("a fixture needs a class: line");
        }
        String body = text.substring(separator + 4);
        String companion = null;
        int split = body.indexOf("\n" + COMPANION);
        if (split >= 0) {
            companion = body.substring(split + 1 + COMPANION.length());
            body = body.substring(0, split + 1);
        }
        return new Fixture(description, new Program(0, className, body, companion, release, Set.of()), script);
    }
}
