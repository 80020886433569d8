package io.jcoro.tests.bridge;

import io.jcoro.bridge.Codec;
import io.jcoro.bridge.Pipes;
import io.jcoro.flow.Target;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM for {@link DecodeAmplificationTest}, and the harness behind the amplification
 * figures: decodes a crafted stream of tiny elements, generated as it is read, and prints how
 * much heap the decoded items hold per wire byte.
 *
 * <pre>
 * java ... DecodeAmplification SHAPE MEGABYTES ITEMS keep|drop
 * </pre>
 * SHAPE is {@code maps} (empty maps, 2 bytes each), {@code strings} (empty strings, 2 bytes)
 * or {@code ints} (the integer 1000, 3 bytes), each in lists of 1,024 inside one list per item;
 * the stream holds ITEMS such items, about MEGABYTES MB (10^6 bytes) in all. {@code keep}
 * holds every item (the heap then measures what they weigh), {@code drop} lets each go.
 * Prints {@code wire=BYTES items=N heapAfterGc=BYTES peakHeap=BYTES perWireByte=X} and, if the
 * reader refused the stream, {@code refused=MESSAGE}.
 */
public final class DecodeAmplification {
    private static final int INNER = 1024;

    private DecodeAmplification() {
    }

    /** The stream: header, ITEMS records of the shape, end marker; made as it is read. */
    static final class Crafted extends InputStream {
        private final byte[] element;
        private final int innerPerItem;
        private final int items;
        private byte[] chunk;
        private int pos;
        private int item = -1;
        private int inner;
        private boolean ended;
        long bytes;

        Crafted(String shape, double megabytes, int items) {
            this.element = switch (shape) {
                case "maps" -> new byte[] {7, 0};
                case "strings" -> new byte[] {5, 0};
                case "ints" -> new byte[] {3, (byte) 0xD0, 0x0F};   // zigzag(1000) = 2000
                default -> throw new IllegalArgumentException("shape: maps, strings or ints");
            };
            this.items = items;
            long innerBytes = 3 + (long) INNER * element.length;
            this.innerPerItem = (int) Math.max(1, megabytes * 1_000_000 / items / innerBytes);
            byte[] name = "values".getBytes(StandardCharsets.US_ASCII);
            chunk = new byte[5 + 1 + name.length];
            System.arraycopy("JCOR".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 4);
            chunk[4] = 1;
            chunk[5] = (byte) name.length;
            System.arraycopy(name, 0, chunk, 6, name.length);
        }

        @Override
        public int read() {
            if (pos == chunk.length && !refill()) {
                return -1;
            }
            bytes++;
            return chunk[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos == chunk.length && !refill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            bytes += n;
            return n;
        }

        private boolean refill() {
            if (ended) {
                return false;
            }
            pos = 0;
            if (item >= 0 && inner < innerPerItem) {
                chunk = innerList();
                inner++;
            } else if (++item < items) {
                // record marker, LIST tag, varint count of inner lists
                chunk = concat(new byte[] {1, 6}, varint(innerPerItem));
                inner = 0;
            } else {
                chunk = new byte[] {0};
                ended = true;
            }
            return true;
        }

        private byte[] innerList() {
            byte[] head = concat(new byte[] {6}, varint(INNER));
            byte[] list = new byte[head.length + INNER * element.length];
            System.arraycopy(head, 0, list, 0, head.length);
            for (int i = 0; i < INNER; i++) {
                System.arraycopy(element, 0, list, head.length + i * element.length, element.length);
            }
            return list;
        }

        private static byte[] varint(long v) {
            byte[] b = new byte[10];
            int n = 0;
            while ((v & ~0x7FL) != 0) {
                b[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            b[n++] = (byte) v;
            return java.util.Arrays.copyOf(b, n);
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }
    }

    /** Keeps or drops what it is sent; no coroutine, so the figure is the decoder's alone. */
    static final class Holder implements Target<Object> {
        final List<Object> kept = new ArrayList<>();
        final boolean keep;
        long count;
        boolean closed;

        Holder(boolean keep) {
            this.keep = keep;
        }

        @Override
        public void send(Object item) {
            count++;
            if (keep) {
                kept.add(item);
            }
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }

    static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
        }
        return used;
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    public static void main(String[] args) {
        Crafted in = new Crafted(args[0], Double.parseDouble(args[1]), Integer.parseInt(args[2]));
        Holder holder = new Holder(args[3].equals("keep"));
        long before = usedAfterGc();
        String refused = null;
        try {
            Pipes.recvfrom(in, Codec.values(), holder);
        } catch (RuntimeException e) {
            refused = e.getMessage();
        }
        long after = usedAfterGc() - before;
        System.out.println("wire=" + in.bytes + " items=" + holder.count + " heapAfterGc=" + after
                + " peakHeap=" + peakHeap() + " perWireByte=" + String.format("%.2f", (double) after / in.bytes)
                + (refused == null ? "" : " refused=" + refused.replace(' ', '_')));
        if (holder.kept.size() < 0) {
            System.out.println("unreachable: keeps the items live until here");
        }
    }
}
