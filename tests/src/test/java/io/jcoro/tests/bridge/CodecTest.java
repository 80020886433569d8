package io.jcoro.tests.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.bridge.Codec;
import io.jcoro.bridge.Pipes;
import io.jcoro.flow.Sinks;
import io.jcoro.flow.Stage;
import io.jcoro.flow.StageException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sendto / recvfrom: the documented wire format, its codecs, and what a reader refuses. */
class CodecTest {

    private static <T> byte[] send(Codec<T> codec, List<T> items) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        Stage<T> sendto = Pipes.sendto(wire, codec);
        for (T item : items) {
            sendto.send(item);
        }
        sendto.close();
        return wire.toByteArray();
    }

    private static <T> List<T> receive(Codec<T> codec, byte[] wire) {
        List<T> got = new ArrayList<>();
        Pipes.recvfrom(new ByteArrayInputStream(wire), codec, Sinks.collector(got));
        return got;
    }

    @Test
    void theStreamIsHeaderRecordsAndEndMarker() {
        byte[] wire = send(Codec.strings(), List.of("hi", "é"));
        byte[] expected = {'J', 'C', 'O', 'R', 1, 7, 's', 't', 'r', 'i', 'n', 'g', 's',
            1, 2, 'h', 'i',
            1, 2, (byte) 0xC3, (byte) 0xA9,
            0};
        assertArrayEquals(expected, wire);
        assertEquals(List.of("hi", "é"), receive(Codec.strings(), wire));
    }

    @Test
    void stringMapsKeepTheirOrder() {
        Map<String, String> bus = new LinkedHashMap<>();
        bus.put("id", "7574");
        bus.put("route", "22");
        bus.put("finalStop", "Clark & Howard");
        bus.put("", "");
        List<Map<String, String>> got = receive(Codec.stringMaps(), send(Codec.stringMaps(), List.of(bus, Map.of())));
        assertEquals(List.of(bus, Map.of()), got);
        assertEquals(List.copyOf(bus.keySet()), List.copyOf(got.get(0).keySet()));
    }

    @Test
    void valuesRoundTrip() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("n", 42);
        nested.put("list", Arrays.asList(1L, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0.5, -0.0, Double.NaN, "x", null, true,
                false, (short) 3, (byte) -4, 1.5f));
        nested.put("map", Map.of("k", List.of()));
        List<Object> got = receive(Codec.values(), send(Codec.values(), Arrays.asList(nested, null, "plain", 7)));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("n", 42L);
        expected.put("list", Arrays.asList(1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0.5, -0.0, Double.NaN, "x", null,
                true, false, 3L, -4L, 1.5));
        expected.put("map", Map.of("k", List.of()));
        assertEquals(Arrays.asList(expected, null, "plain", 7L), got);
    }

    @Test
    void smallIntegersTakeOneByte() {
        byte[] wire = send(Codec.values(), List.of(-1, 63));
        int header = 5 + 1 + "values".length();
        assertArrayEquals(new byte[] {1, 3, 1, 1, 3, 126, 0}, Arrays.copyOfRange(wire, header, wire.length));
    }

    @Test
    void anUndeclaredTypeFailsTheSenderAndTheReaderSeesTheStreamCutShort() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        Stage<Object> sendto = Pipes.sendto(wire, Codec.values());
        sendto.send("fine");
        StageException e = assertThrows(StageException.class, () -> sendto.send(new java.util.Date(0)));
        assertEquals("sendto", e.stage());
        assertTrue(e.getMessage().contains("the values codec cannot send a java.util.Date"), e.getMessage());
        assertTrue(sendto.isClosed());

        List<Object> got = new ArrayList<>();
        Stage<Object> sink = Sinks.collector(got);
        UncheckedIOException cut = assertThrows(UncheckedIOException.class,
                () -> Pipes.recvfrom(new ByteArrayInputStream(wire.toByteArray()), Codec.values(), sink));
        assertEquals("recvfrom(values): the stream ended without the end marker after 1 items: the sender stopped early",
                cut.getMessage());
        assertEquals(List.of("fine"), got);
        assertTrue(sink.isClosed(), "the reader's pipeline is closed too");
    }

    @Test
    void nullsAreRefusedWhereACodecHasNone() {
        Stage<String> sendto = Pipes.sendto(new ByteArrayOutputStream(), Codec.strings());
        StageException e = assertThrows(StageException.class, () -> sendto.send(null));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("k", null);
        Stage<Map<String, String>> maps = Pipes.sendto(new ByteArrayOutputStream(), Codec.stringMaps());
        StageException m = assertThrows(StageException.class, () -> maps.send(withNull));
        assertTrue(m.getMessage().contains("the value of k is null"), m.getMessage());
    }

    @Test
    void theReaderChecksTheHeader() {
        byte[] strings = send(Codec.strings(), List.of("x"));
        UncheckedIOException wrongCodec = assertThrows(UncheckedIOException.class,
                () -> receive(Codec.stringMaps(), strings));
        assertEquals("recvfrom(string-maps): the sender used codec 'strings', this end expects 'string-maps'",
                wrongCodec.getMessage());
        UncheckedIOException notOurs = assertThrows(UncheckedIOException.class,
                () -> receive(Codec.strings(), "<?xml version".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("recvfrom(strings): not a jcoro item stream (bad header)", notOurs.getMessage());
        UncheckedIOException empty = assertThrows(UncheckedIOException.class,
                () -> receive(Codec.strings(), new byte[0]));
        assertTrue(empty.getMessage().contains("nothing was sent"), empty.getMessage());
    }

    @Test
    void hugeCountsAreRefusedBeforeAnythingIsAllocated() {
        byte[] header = Arrays.copyOf(send(Codec.strings(), List.of()), 13);
        byte[] wire = Arrays.copyOf(header, header.length + 7);
        System.arraycopy(new byte[] {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 0}, 0,
                wire, header.length, 7);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> receive(Codec.strings(), wire));
        assertEquals("recvfrom(strings): string of 4294967295 is over the limit of 16777216", e.getMessage());
    }

    @Test
    void aBadTagOrATruncatedItemIsReported() {
        byte[] wire = send(Codec.values(), List.of("abc"));
        byte[] badTag = wire.clone();
        badTag[13] = 9;
        assertEquals("recvfrom(values): unknown value tag 9",
                assertThrows(UncheckedIOException.class, () -> receive(Codec.values(), badTag)).getMessage());
        byte[] truncated = Arrays.copyOf(wire, wire.length - 3);
        assertEquals("recvfrom(values): the stream ended inside item 1",
                assertThrows(UncheckedIOException.class, () -> receive(Codec.values(), truncated)).getMessage());
    }
}
