package io.jcoro.tests.xml;

import io.jcoro.core.Co;
import io.jcoro.flow.Filters;
import io.jcoro.flow.Stage;
import io.jcoro.xml.BusDocument;
import io.jcoro.xml.Buses;
import io.jcoro.xml.SaxSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;

/**
 * The child JVM of {@link BoundedMemoryTest}: streams a generated document of the given size
 * through SAX (the faster of the two in the JDK), buses_to_dicts, a broadcast to a plain-Java tally of every bus and to the
 * course's two filters and a counter, then reports what went through.
 */
public final class StreamBigDocument {
    private StreamBigDocument() {
    }

    /** Counts the bytes the parser reads. */
    static final class Counting extends FilterInputStream {
        long bytes;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            bytes += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            bytes += Math.max(0, n);
            return n;
        }
    }

    /** Counts every bus, and the route 22 North Bound ones, in plain Java. */
    static Stage<Map<String, String>> tally(long[] buses, long[] expected) {
        return Stage.of("tally", () -> {
            while (true) {
                Map<String, String> bus = Co.receive();
                buses[0]++;
                if (bus.get("route").equals("22") && bus.get("direction").equals("North Bound")) {
                    expected[0]++;
                }
            }
        });
    }

    static Stage<Map<String, String>> counter(long[] count) {
        return Stage.of("count", () -> {
            while (true) {
                Co.receive();
                count[0]++;
            }
        });
    }

    public static void main(String[] args) throws IOException {
        long size = Long.parseLong(args[0]);
        long[] buses = new long[1];
        long[] expected = new long[1];
        long[] matched = new long[1];
        long start = System.nanoTime();
        try (Counting in = new Counting(BusDocument.ofSize(size).open())) {
            SaxSource.parse(in,
                    Buses.busesToDicts(
                    Filters.broadcast(
                            tally(buses, expected),
                            Buses.filterOnField("route", "22",
                            Buses.filterOnField("direction", "North Bound",
                            counter(matched))))));
            long millis = (System.nanoTime() - start) / 1_000_000;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("bytes=" + in.bytes + " buses=" + buses[0] + " matched=" + matched[0]
                    + " expected=" + expected[0] + " maxHeapMB=" + (Runtime.getRuntime().maxMemory() >> 20)
                    + " peakHeapMB=" + (peak >> 20) + " millis=" + millis);
        }
    }
}
