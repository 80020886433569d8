package io.jcoro.samples.pipelines;

import io.jcoro.flow.Follow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The log the tail samples follow: the file named on the command line (tailed from its end for
 * the given seconds, or until interrupted), or else a fresh temporary log that a background
 * {@link LogSim} fills, followed until the simulation is done so the sample ends by itself.
 */
final class FollowedLog {
    /** Lines the background simulation writes. */
    static final int SIMULATED_LINES = 40;

    private FollowedLog() {
    }

    /**
     * @param args {@code [FILE [SECONDS]]}
     * @return what to follow
     */
    static Follow follow(String... args) {
        if (args.length > 0) {
            Follow follow = Follow.follow(Path.of(args[0]));
            return args.length > 1 ? follow.forAtMost(Duration.ofSeconds(Long.parseLong(args[1]))) : follow;
        }
        Path log;
        try {
            log = Files.createTempFile("access-log", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary log", e);
        }
        log.toFile().deleteOnExit();
        Follow follow = Follow.follow(log).pollEvery(Duration.ofMillis(10));   // at the end: 0
        LogSim sim = LogSim.start(log, SIMULATED_LINES, 2);
        return follow.until(sim::isDone);
    }
}
