package io.jcoro.tests.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.flow.Sinks;
import io.jcoro.xml.BusDocument;
import io.jcoro.xml.Buses;
import io.jcoro.xml.SaxSource;
import io.jcoro.xml.StaxSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated allroutes.xml: deterministic, of any size, and what the bus stages expect. */
class BusDocumentTest {

    private static byte[] bytes(BusDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void theSameDocumentEveryTime() {
        assertArrayEquals(bytes(BusDocument.ofBuses(500)), bytes(BusDocument.ofBuses(500)));
        assertFalse(java.util.Arrays.equals(bytes(BusDocument.ofBuses(50)),
                bytes(BusDocument.ofBuses(50).withSeed(7))));
    }

    @Test
    void itLooksLikeTheCoursesFeed() {
        String doc = new String(bytes(BusDocument.ofBuses(1)), StandardCharsets.US_ASCII);
        assertTrue(doc.startsWith("<?xml version=\"1.0\"?>\n<buses>\n <bus>\n  <id>1000</id>\n  <route>"), doc);
        assertTrue(doc.endsWith(" </bus>\n</buses>\n"), doc);
        for (String field : List.of("id", "route", "color", "revenue", "direction", "latitude", "longitude",
                "pattern", "patternDirection", "run", "finalStop", "operator")) {
            assertTrue(doc.contains("<" + field + ">"), field);
        }
        assertEquals("<?xml version=\"1.0\"?>\n<buses>\n</buses>\n",
                new String(bytes(BusDocument.ofBuses(0)), StandardCharsets.US_ASCII));
    }

    @Test
    void parsedBusesAreTheGeneratorsFields() {
        List<Map<String, String>> sax = new ArrayList<>();
        List<Map<String, String>> stax = new ArrayList<>();
        SaxSource.parse(BusDocument.ofBuses(300).open(), Buses.busesToDicts(Sinks.collector(sax)));
        StaxSource.parse(BusDocument.ofBuses(300).open(), Buses.busesToDicts(Sinks.collector(stax)));
        assertEquals(300, sax.size());
        for (int i = 0; i < 300; i++) {
            assertEquals(BusDocument.bus(BusDocument.DEFAULT_SEED, i), sax.get(i));
        }
        assertEquals(sax, stax);
        assertTrue(sax.stream().anyMatch(b -> b.get("finalStop").contains("&")), "escaped text is exercised");
    }

    @Test
    void roughlyOneBusInSixteenIsRoute22NorthBound() {
        long n = 16_000;
        long matched = 0;
        for (long i = 0; i < n; i++) {
            Map<String, String> bus = BusDocument.bus(BusDocument.DEFAULT_SEED, i);
            if (bus.get("route").equals("22") && bus.get("direction").equals("North Bound")) {
                matched++;
            }
        }
        assertTrue(matched > 800 && matched < 1200, "matched " + matched);
    }

    @Test
    void ofSizeReachesTheSizeAndStopsWithinOneBus() throws Exception {
        long size = 1 << 20;
        long written = BusDocument.ofSize(size).writeTo(OutputStream.nullOutputStream());
        assertTrue(written >= size && written < size + 600, "wrote " + written);
        List<Map<String, String>> buses = new ArrayList<>();
        StaxSource.parse(BusDocument.ofSize(size).open(), Buses.busesToDicts(Sinks.collector(buses)));
        assertTrue(buses.size() > 2000, "buses: " + buses.size());
    }

    @Test
    void readingByteByByteGivesTheSameBytes() throws Exception {
        byte[] expected = bytes(BusDocument.ofBuses(20));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = BusDocument.ofBuses(20).open()) {
            for (int b; (b = in.read()) != -1; ) {
                got.write(b);
            }
            assertEquals(-1, in.read());
        }
        assertArrayEquals(expected, got.toByteArray());
    }

    @Test
    void writtenToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("allroutes.xml");
        long n = BusDocument.ofBuses(10).writeTo(file);
        assertEquals(n, Files.size(file));
        List<Map<String, String>> buses = new ArrayList<>();
        SaxSource.parse(new ByteArrayInputStream(Files.readAllBytes(file)), Buses.busesToDicts(Sinks.collector(buses)));
        assertEquals(10, buses.size());
    }

    @Test
    void negativeSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BusDocument.ofBuses(-1));
        assertThrows(IllegalArgumentException.class, () -> BusDocument.ofSize(-1));
    }
}
