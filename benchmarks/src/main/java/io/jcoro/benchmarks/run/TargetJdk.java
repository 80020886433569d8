package io.jcoro.benchmarks.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A JDK to measure on, from its home directory: its {@code java} and its version, read from the
 * home's {@code release} file.
 *
 * @param home    the JDK's home
 * @param version its full version ({@code 17.0.15})
 * @param feature its feature release (17)
 */
public record TargetJdk(Path home, String version, int feature) {
    /**
     * @param home a JDK home
     * @return the JDK there
     * @throws IllegalArgumentException if it is not one
     */
    public static TargetJdk at(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            throw new IllegalArgumentException(home + " is not a JDK home (no release file or bin/java)");
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = p.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
        int feature = Integer.parseInt(version.split("[.+-]")[0]);
        return new TargetJdk(home.toAbsolutePath().normalize(), version, feature);
    }

    /** @return the JDK running this program */
    public static TargetJdk current() {
        return at(Path.of(System.getProperty("java.home")));
    }

    /** @return its java launcher */
    public String java() {
        return home.resolve("bin/java").toString();
    }

    /** @return whether it can run the Loom baselines */
    public boolean hasLoom() {
        return feature >= 21;
    }

    /** @return the results subdirectory's name, {@code jdk-17} */
    public String key() {
        return "jdk-" + feature;
    }
}
