package io.jcoro.tests.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Counts this process's open socket file descriptors (Linux), to prove that nothing leaks. */
final class SocketFds {
    private static final Path FDS = Path.of("/proc/self/fd");

    private SocketFds() {
    }

    /** @return whether the count is available here */
    static boolean available() {
        return Files.isDirectory(FDS);
    }

    /** @return how many socket descriptors are open, or -1 if this system cannot say */
    static long count() {
        if (!available()) {
            return -1;
        }
        try (Stream<Path> fds = Files.list(FDS)) {
            return fds.filter(SocketFds::isSocket).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isSocket(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException | UnsupportedOperationException e) {
            return false; // closed meanwhile (the listing's own descriptor, say)
        }
    }
}
