package io.jcoro.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A deterministic generator of allroutes.xml-style documents (the Chicago Transit Authority
 * bus feed the course parses), of any size, produced as it is read: a multi-gigabyte document
 * needs no disk and no memory.
 *
 * <pre>
 * &lt;?xml version="1.0"?&gt;
 * &lt;buses&gt;
 *  &lt;bus&gt;
 *   &lt;id&gt;1000&lt;/id&gt;
 *   &lt;route&gt;22&lt;/route&gt;
 *   &lt;color&gt;#3300ff&lt;/color&gt;
 *   &lt;revenue&gt;true&lt;/revenue&gt;
 *   &lt;direction&gt;North Bound&lt;/direction&gt;
 *   &lt;latitude&gt;41.925682067871094&lt;/latitude&gt;
 *   &lt;longitude&gt;-87.630928039550781&lt;/longitude&gt;
 *   &lt;pattern&gt;2499&lt;/pattern&gt;
 *   &lt;patternDirection&gt;North Bound&lt;/patternDirection&gt;
 *   &lt;run&gt;P675&lt;/run&gt;
 *   &lt;finalStop&gt;Clark &amp;amp; Howard&lt;/finalStop&gt;
 *   &lt;operator&gt;42493&lt;/operator&gt;
 *  &lt;/bus&gt;
 *  ...
 * &lt;/buses&gt;
 * </pre>
 *
 * Bus number {@code i} (from 0) has id {@code 1000 + i}, and its other fields are a pure
 * function of the seed and {@code i} ({@link #bus(long, long)}), so the same document comes out
 * every time. About one bus in eight is on route 22, half of those North Bound. Each bus takes
 * about 400 bytes.
 */
public final class BusDocument {
    /** The seed used unless {@link #withSeed(long)} says otherwise. */
    public static final long DEFAULT_SEED = 22;

    private static final byte[] HEADER = "<?xml version=\"1.0\"?>\n<buses>\n".getBytes(StandardCharsets.US_ASCII);
    private static final String FOOTER = "</buses>\n";
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** Route 22 twice: it is the one the course filters on. */
    private static final String[] ROUTES = {"22", "22", "36", "8", "9", "147", "151", "3", "4", "6",
        "X9", "49", "66", "72", "77", "80"};
    private static final Set<String> EAST_WEST = Set.of("66", "72", "77", "80");
    private static final String[] STOPS = {"Clark & Howard", "Harrison & Wells", "Sheridan & Devon",
        "Broadway & Wilson", "Navy Pier", "Halsted & 79th", "Ashland & Irving Park", "Midway Airport",
        "Jefferson Park", "Harlem & Foster", "95th/Dan Ryan", "Cumberland"};

    private final long buses;
    private final long minBytes;
    private final long seed;

    private BusDocument(long buses, long minBytes, long seed) {
        this.buses = buses;
        this.minBytes = minBytes;
        this.seed = seed;
    }

    /**
     * @param count how many buses
     * @return a document of exactly that many buses
     */
    public static BusDocument ofBuses(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("bus count must not be negative: " + count);
        }
        return new BusDocument(count, -1, DEFAULT_SEED);
    }

    /**
     * @param bytes the least size wanted
     * @return a document of as many buses as it takes to reach that size (it ends with the
     *         first bus past it, so it is at most one bus longer)
     */
    public static BusDocument ofSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("size must not be negative: " + bytes);
        }
        return new BusDocument(-1, bytes, DEFAULT_SEED);
    }

    /**
     * @param seed another seed
     * @return the same size of document, with other buses
     */
    public BusDocument withSeed(long seed) {
        return new BusDocument(buses, minBytes, seed);
    }

    /** @return the document as a stream, generated as it is read; nothing to close but itself */
    public InputStream open() {
        return new Generated();
    }

    /**
     * @param out where to write the document (not closed)
     * @return the number of bytes written
     * @throws UncheckedIOException if writing fails
     */
    public long writeTo(OutputStream out) {
        try (InputStream in = open()) {
            return in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bus document", e);
        }
    }

    /**
     * @param file where to write the document
     * @return the number of bytes written
     * @throws UncheckedIOException if writing fails
     */
    public long writeTo(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            return writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The fields of one bus, as {@link Buses#busesToDicts} makes them from the document.
     *
     * @param seed  the document's seed
     * @param index the bus's position in the document, from 0
     * @return its fields, in document order
     */
    public static Map<String, String> bus(long seed, long index) {
        Map<String, String> bus = new LinkedHashMap<>();
        fields(seed, index, bus::put);
        return Collections.unmodifiableMap(bus);
    }

    /** Where {@link #fields} puts each field of a bus, in document order. */
    private interface FieldSink {
        void put(String name, String value);
    }

    private static void fields(long seed, long index, FieldSink bus) {
        long state = seed * GOLDEN + index;
        bus.put("id", Long.toString(1000 + index));
        String route = ROUTES[(int) Long.remainderUnsigned(mix(state += GOLDEN), ROUTES.length)];
        bus.put("route", route);
        bus.put("color", "#" + Long.toHexString(0x1000000 | (mix(state += GOLDEN) & 0xffffff)).substring(1));
        bus.put("revenue", Long.remainderUnsigned(mix(state += GOLDEN), 16) == 0 ? "false" : "true");
        boolean first = (mix(state += GOLDEN) & 1) == 0;
        String direction = EAST_WEST.contains(route)
                ? (first ? "East Bound" : "West Bound")
                : (first ? "North Bound" : "South Bound");
        bus.put("direction", direction);
        // Fifteen decimals, as the feed has; made from integers, which is much cheaper than
        // formatting doubles when a document of gigabytes is generated.
        bus.put("latitude", "41." + (600_000_000_000_000L + Long.remainderUnsigned(mix(state += GOLDEN),
                400_000_000_000_000L)));
        bus.put("longitude", "-87." + (550_000_000_000_000L + Long.remainderUnsigned(mix(state += GOLDEN),
                350_000_000_000_000L)));
        bus.put("pattern", Long.toString(1000 + Long.remainderUnsigned(mix(state += GOLDEN), 9000)));
        bus.put("patternDirection", direction);
        bus.put("run", "P" + (100 + Long.remainderUnsigned(mix(state += GOLDEN), 900)));
        bus.put("finalStop", STOPS[(int) Long.remainderUnsigned(mix(state += GOLDEN), STOPS.length)]);
        bus.put("operator", Long.toString(10000 + Long.remainderUnsigned(mix(state += GOLDEN), 90000)));
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit value from a counter. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void appendBus(StringBuilder b, long seed, long index) {
        b.append(" <bus>\n");
        fields(seed, index, (name, value) -> {
            b.append("  <").append(name).append('>');
            escape(b, value);
            b.append("</").append(name).append(">\n");
        });
        b.append(" </bus>\n");
    }

    private static void escape(StringBuilder b, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&') {
                b.append("&amp;");
            } else if (c == '<') {
                b.append("&lt;");
            } else {
                b.append(c);
            }
        }
    }

    /** The document, made a few buses at a time as the reader asks for bytes. */
    private final class Generated extends InputStream {
        private static final int BATCH = 16 * 1024;

        private final StringBuilder text = new StringBuilder(BATCH + 1024);
        private byte[] chunk = HEADER;
        private int pos;
        private long index;
        private long emitted = HEADER.length;
        private boolean footerDone;

        @Override
        public int read() {
            if (pos == chunk.length && !refill()) {
                return -1;
            }
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
            return n;
        }

        private boolean refill() {
            if (footerDone) {
                return false;
            }
            text.setLength(0);
            while (text.length() < BATCH && more()) {
                int before = text.length();
                appendBus(text, seed, index++);
                emitted += text.length() - before;
            }
            if (!more()) {
                text.append(FOOTER);
                footerDone = true;
            }
            chunk = text.toString().getBytes(StandardCharsets.US_ASCII);
            pos = 0;
            return true;
        }

        private boolean more() {
            return buses >= 0 ? index < buses : emitted + FOOTER.length() < minBytes;
        }
    }
}
