package io.jcoro.tests.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A committed regression case: a program (its class name and body) and a driver script, in a
 * text file the fuzzer writes for every mismatch:
 * <pre>
 * # what went wrong, one line
 * class: P1x2
 * script: next; send i:3; throw FuzzA; close
 * ---
 * (the program's body, as Program.body)
 * </pre>
 *
 * @param description the first line
 * @param program the program
 * @param script the driver script
 */
public record Fixture(String description, Program program, DriverScript script) {

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
                + "---" + program.body();
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
        DriverScript script = new DriverScript(List.of());
        List<String> header = new ArrayList<>(List.of(text.substring(0, separator).split("\n")));
        for (String line : header) {
            if (line.startsWith("#")) {
                description = line.substring(1).trim();
            } else if (line.startsWith("class:")) {
                className = line.substring(6).trim();
            } else if (line.startsWith("script:")) {
                script = DriverScript.parse(line.substring(7));
            }
        }
        if (className == null) {
            throw new IllegalArgumentException("a fixture needs a class: line");
        }
        String body = text.substring(separator + 4);
        return new Fixture(description, new Program(0, className, body), script);
    }
}
