package io.jcoro.bridge;

import java.io.DataInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StreamCorruptedException;

/**
 * The stream {@link Pipes#recvfrom} hands a codec: it keeps each item's budget of bytes and
 * elements ({@link ReadLimits}) and refuses the item the moment it goes over, before the rest
 * is read or allocated.
 */
final class ItemInput extends DataInputStream {
    private final Budget budget;

    ItemInput(InputStream in, ReadLimits limits) {
        this(new Budget(in, limits));
    }

    private ItemInput(Budget budget) {
        super(budget);
        this.budget = budget;
    }

    /** Starts item number {@code item} (from 1) with a fresh budget. */
    void startItem(long item) {
        budget.item = item;
        budget.bytes = 0;
        budget.elements = 0;
        budget.counting = true;
    }

    /** Ends the item: reading the next record marker is not charged to anyone. */
    void endItem() {
        budget.counting = false;
    }

    /**
     * Charges {@code n} elements (the entries a list or map declares) to the current item.
     *
     * @throws StreamCorruptedException if the item would hold more than its limit
     */
    void chargeElements(long n, String what) throws StreamCorruptedException {
        if (!budget.counting) {
            return;
        }
        budget.elements += n;
        if (budget.elements > budget.limits.maxItemElements()) {
            throw new StreamCorruptedException("item " + budget.item + " holds more than "
                    + budget.limits.maxItemElements() + " elements (at a " + what + " of " + n
                    + "): over the limit per item (ReadLimits.maxItemElements)");
        }
    }

    /**
     * Checks, before a buffer is allocated, that {@code n} more bytes fit the current item.
     *
     * @throws StreamCorruptedException if they do not
     */
    void requireBytes(long n, String what) throws StreamCorruptedException {
        if (budget.counting && budget.bytes + n > budget.limits.maxItemBytes()) {
            throw budget.tooLong(what + " of " + n + " bytes");
        }
    }

    /** Counts the bytes read since the item started, and refuses past the limit. */
    private static final class Budget extends FilterInputStream {
        final ReadLimits limits;
        long item;
        long bytes;
        long elements;
        boolean counting;

        Budget(InputStream in, ReadLimits limits) {
            super(in);
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            if (counting && bytes >= limits.maxItemBytes()) {
                throw tooLong("another byte");
            }
            int b = super.read();
            if (b >= 0 && counting) {
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (counting) {
                long room = limits.maxItemBytes() - bytes;
                if (room <= 0 && len > 0) {
                    throw tooLong("another byte");
                }
                len = (int) Math.min(len, room);
            }
            int n = super.read(b, off, len);
            if (n > 0 && counting) {
                bytes += n;
            }
            return n;
        }

        StreamCorruptedException tooLong(String what) {
            return new StreamCorruptedException("item " + item + " is longer than " + limits.maxItemBytes()
                    + " bytes (at " + what + " after " + bytes + "): over the limit per item (ReadLimits.maxItemBytes)");
        }
    }
}
