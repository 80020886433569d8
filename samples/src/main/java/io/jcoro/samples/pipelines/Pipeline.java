package io.jcoro.samples.pipelines;

import io.jcoro.core.Generator;
import io.jcoro.flow.Pull;
import java.io.PrintStream;

/**
 * pipeline.py: a processing pipeline of generators, {@code tail -f | grep python}. The for loop
 * at the end pulls every line through both stages.
 */
public final class Pipeline {
    private Pipeline() {
    }

    public static void run(PrintStream out, String... args) {
        // Set up a processing pipe : tail -f | grep python
        Generator<String> loglines = FollowedLog.follow(args).lines();
        Generator<String> pylines = Pull.grep("python", loglines);

        // Pull results out of the processing pipeline
        for (String line : pylines) {
            out.println(line);
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
