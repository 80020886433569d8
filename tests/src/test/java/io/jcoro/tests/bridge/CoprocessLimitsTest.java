package io.jcoro.tests.bridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.bridge.ChildJvm;
import io.jcoro.bridge.Codec;
import io.jcoro.bridge.Coprocess;
import io.jcoro.bridge.CoprocessLimits;
import io.jcoro.flow.StageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile children ({@link HostileChild}, each a real child JVM): whatever they do, the parent
 * is told, and never waits longer than its limits. The timeouts are short, and the tests only
 * check that the wait ended and what was said, never how long it took.
 */
@Timeout(180)
class CoprocessLimitsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private Coprocess<String> start(CoprocessLimits limits, String... args) {
        return Coprocess.start(ChildJvm.command(HostileChild.class, args), Codec.strings(), out, limits);
    }

    @Test
    void anOverlongLineFailsTheCloseInsteadOfBeingLost() {
        Coprocess<String> child = start(CoprocessLimits.DEFAULT.withMaxLineChars(100_000), "long-line", "300000");
        StageException e = assertThrows(StageException.class, child::close);
        assertTrue(e.getMessage().contains("its output could not be copied"), e.getMessage());
        assertTrue(e.getMessage().contains("a line of its standard output is longer than 100000 characters"),
                e.getMessage());
        assertTrue(e.getMessage().contains("begins \"xxxx"), e.getMessage());
        assertFalse(child.process().isAlive(), "the child is gone");
    }

    @Test
    void anOverlongLineFailsTheNextSend() throws Exception {
        Coprocess<String> child = start(CoprocessLimits.DEFAULT.withMaxLineChars(1000), "long-line", "5000");
        // The copier fails on its own thread: sends go on until one is told (the child is
        // killed then, so a send that races past the check meets a broken pipe instead).
        StageException e = assertThrows(StageException.class, () -> {
            for (int i = 0; i < 600; i++) {
                child.send("item " + i);
                Thread.sleep(100);
            }
        });
        assertTrue(e.getMessage().contains("a line of its standard output is longer than 1000 characters"),
                e.getMessage());
        assertTrue(child.isClosed());
        child.close();                                   // already failed: quiet
    }

    @Test
    void aChildThatExitsAtOnceIsReportedWithItsStatusAndStandardError() throws Exception {
        String message;
        try {
            Coprocess<String> child = start(CoprocessLimits.DEFAULT, "exit-now");
            assertTrue(child.process().waitFor(60, TimeUnit.SECONDS));
            message = assertThrows(StageException.class, () -> {
                child.send("anyone there?");
                child.close();
            }).getMessage();
        } catch (UncheckedIOException atStart) {           // it may be gone before the header is written
            message = atStart.getMessage();
        }
        assertTrue(message.contains("exited with status 3"), message);
        assertTrue(message.contains("hostile child: cannot open its configuration"), message);
    }

    @Test
    void aChildThatNeverReadsIsKilledAfterTheSendTimeout() {
        Coprocess<String> child = start(CoprocessLimits.DEFAULT.withSendTimeout(Duration.ofSeconds(2)), "never-read");
        String big = "x".repeat(1 << 16);
        StageException e = assertThrows(StageException.class, () -> {
            for (int i = 0; i < 1000; i++) {              // a pipe holds 64 KiB: a send soon blocks
                child.send(big);
            }
        });
        assertTrue(e.getMessage().contains("it read nothing for 2 s (CoprocessLimits.sendTimeout), and was killed"),
                e.getMessage());
        assertFalse(child.process().isAlive());
    }

    @Test
    void aChildThatNeverExitsIsKilledAfterTheCloseTimeout() {
        Coprocess<String> child = start(CoprocessLimits.DEFAULT.withCloseTimeout(Duration.ofSeconds(2)), "never-exit");
        child.send("one");
        // However slowly the child starts, it has not exited 2 s after close: the outcome is the same.
        StageException e = assertThrows(StageException.class, child::close);
        assertTrue(e.getMessage().contains("did not exit within 2 s of the end of its input"), e.getMessage());
        assertFalse(child.process().isAlive());
    }
}
