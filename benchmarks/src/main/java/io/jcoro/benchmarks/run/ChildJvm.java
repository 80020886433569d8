package io.jcoro.benchmarks.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM of the target JDK running one main class of this jar, with this jar as its agent, its
 * progress on our standard error and its standard output (one JSON object) returned. The caller
 * waits for it, so there is never more than one benchmark JVM.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** @return the JVM flags every benchmark JVM gets: the agent, and on JDK 21+ the Loom export */
    static List<String> agentFlags(TargetJdk jdk, Path jar) {
        List<String> flags = new ArrayList<>();
        flags.add("-javaagent:" + jar);
        if (jdk.hasLoom()) {
            flags.add("--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED");
        }
        return flags;
    }

    /**
     * @param jdk       the JDK to run on
     * @param jar       this jar
     * @param heap      the -Xmx value
     * @param mainClass the class to run
     * @param args      its arguments
     * @return the command line
     */
    static List<String> command(TargetJdk jdk, Path jar, String heap, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java());
        cmd.addAll(agentFlags(jdk, jar));
        cmd.add("-Xmx" + heap);
        cmd.add("-cp");
        cmd.add(jar.toString());
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs the command to its end.
     *
     * @return its standard output
     * @throws IllegalStateException if it exits with a failure
     */
    static String run(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException("exit code " + code + " from " + String.join(" ", command));
            }
            return out.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
