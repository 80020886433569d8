package io.jcoro.bridge;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a {@link Coprocess} waits for its child, and how long a line of the child's output
 * may be, so that no child can block the parent for ever or exhaust its heap.
 *
 * @param maxLineChars the longest line of standard output copied; a longer one fails the
 *                     coprocess (at the next send, and at close) instead of being held whole
 * @param sendTimeout  how long one {@code send} (and the end marker at close) may wait for the
 *                     child to read; past it the child is killed and the send fails
 * @param closeTimeout how long {@code close} waits for the child to exit once its input has
 *                     ended; past it the child is killed and close fails
 */
public record CoprocessLimits(int maxLineChars, Duration sendTimeout, Duration closeTimeout) {
    /** The defaults: lines of 1 MiB characters, 60 s to send, 60 s to exit. */
    public static final CoprocessLimits DEFAULT = new CoprocessLimits(1 << 20, Duration.ofSeconds(60),
            Duration.ofSeconds(60));

    /**
     * @throws IllegalArgumentException if a bound is not positive
     */
    public CoprocessLimits {
        if (maxLineChars < 1) {
            throw new IllegalArgumentException("maxLineChars must be positive: " + maxLineChars);
        }
        positive(sendTimeout, "sendTimeout");
        positive(closeTimeout, "closeTimeout");
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }

    /**
     * @param chars the longest line of output copied
     * @return these limits with that one changed
     */
    public CoprocessLimits withMaxLineChars(int chars) {
        return new CoprocessLimits(chars, sendTimeout, closeTimeout);
    }

    /**
     * @param timeout how long a send may wait for the child to read
     * @return these limits with that one changed
     */
    public CoprocessLimits withSendTimeout(Duration timeout) {
        return new CoprocessLimits(maxLineChars, timeout, closeTimeout);
    }

    /**
     * @param timeout how long close waits for the child to exit
     * @return these limits with that one changed
     */
    public CoprocessLimits withCloseTimeout(Duration timeout) {
        return new CoprocessLimits(maxLineChars, sendTimeout, timeout);
    }
}
