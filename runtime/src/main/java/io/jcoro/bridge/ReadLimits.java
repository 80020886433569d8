package io.jcoro.bridge;

import java.time.Duration;

/**
 * What {@link Pipes#recvfrom(java.io.InputStream, Codec, java.util.function.Consumer, ReadLimits)}
 * accepts from a peer, per item, so that a hostile or broken sender can neither exhaust the
 * reader's heap nor stall it for ever in the middle of an item.
 *
 * <p>Why per item: a stream of tiny elements weighs far more decoded than on the wire (an
 * empty map is 2 bytes there and about 60 bytes of heap), and the reader holds a whole item
 * before it passes it on. Bounding each item's bytes and elements bounds what the reader holds
 * at once, however long the stream: at most about 2 bytes of heap per wire byte of string
 * (a string outside Latin-1 takes 2 bytes a character) plus about 130 bytes per element (a map
 * entry with two strings is the heaviest): some 42 MB with the defaults, whatever the sender
 * claims. What the items weigh once passed on is the receiving pipeline's to bound.
 *
 * @param maxItemBytes    the most wire bytes one item may take (its record marker excluded);
 *                        at least {@link Codec#MAX_STRING_BYTES} is sensible, so that a string
 *                        of the largest size still fits
 * @param maxItemElements the most elements one item may hold, counting every entry of every
 *                        list and map in it (the built-in codecs count them; a codec of your
 *                        own is bounded by bytes only)
 * @param itemTimeout     how long the reader waits for the rest of an item once its first
 *                        byte has come; null waits for ever. Between items the reader waits
 *                        for ever: a quiet stream is not a broken one.
 */
public record ReadLimits(long maxItemBytes, int maxItemElements, Duration itemTimeout) {
    /** The defaults: 16 MiB + 64 KiB per item, 65,536 elements per item, 60 s per item. */
    public static final ReadLimits DEFAULT = new ReadLimits(Codec.MAX_STRING_BYTES + (64 << 10), 1 << 16,
            Duration.ofSeconds(60));

    /**
     * @throws IllegalArgumentException if a bound is not positive
     */
    public ReadLimits {
        if (maxItemBytes < 1) {
            throw new IllegalArgumentException("maxItemBytes must be positive: " + maxItemBytes);
        }
        if (maxItemElements < 0) {
            throw new IllegalArgumentException("maxItemElements must not be negative: " + maxItemElements);
        }
        if (itemTimeout != null && (itemTimeout.isNegative() || itemTimeout.isZero())) {
            throw new IllegalArgumentException("itemTimeout must be positive (or null for none): " + itemTimeout);
        }
    }

    /**
     * @param bytes the most wire bytes per item
     * @return these limits with that one changed
     */
    public ReadLimits withMaxItemBytes(long bytes) {
        return new ReadLimits(bytes, maxItemElements, itemTimeout);
    }

    /**
     * @param elements the most list and map entries per item
     * @return these limits with that one changed
     */
    public ReadLimits withMaxItemElements(int elements) {
        return new ReadLimits(maxItemBytes, elements, itemTimeout);
    }

    /**
     * @param timeout how long to wait for the rest of an item; null for ever
     * @return these limits with that one changed
     */
    public ReadLimits withItemTimeout(Duration timeout) {
        return new ReadLimits(maxItemBytes, maxItemElements, timeout);
    }
}
