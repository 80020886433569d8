package io.jcoro.tests.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.bridge.Codec;
import io.jcoro.bridge.Pipes;
import io.jcoro.bridge.ReadLimits;
import io.jcoro.flow.Sinks;
import io.jcoro.flow.Stage;
import io.jcoro.flow.StageException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Crafted streams against recvfrom's limits: elements and bytes per item, strict UTF-8, stalls. */
@Timeout(60)
class ItemLimitsTest {
    private static final int HEADER = 13;          // the strings codec's: JCOR, version, "strings" with its length

    private static <T> byte[] send(Codec<T> codec, List<T> items) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        Stage<T> sendto = Pipes.sendto(wire, codec);
        items.forEach(sendto::send);
        sendto.close();
        return wire.toByteArray();
    }

    private static <T> UncheckedIOException refused(Codec<T> codec, byte[] wire, ReadLimits limits, List<T> got) {
        Stage<T> sink = Sinks.collector(got);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Pipes.recvfrom(new ByteArrayInputStream(wire), codec, sink, limits));
        assertTrue(sink.isClosed(), "the reader's pipeline is closed");
        return e;
    }

    @Test
    void anItemWithTooManyElementsIsRefusedByDefault() {
        List<Object> nulls = Collections.nCopies(70_000, null);
        byte[] wire = send(Codec.values(), List.of("before", nulls));
        List<Object> got = new ArrayList<>();
        UncheckedIOException e = refused(Codec.values(), wire, ReadLimits.DEFAULT, got);
        assertEquals("recvfrom(values): item 2 holds more than 65536 elements (at a list of 70000):"
                + " over the limit per item (ReadLimits.maxItemElements)", e.getMessage());
        assertEquals(List.of("before"), got, "the items before it went through");
    }

    @Test
    void elementsAreCountedAcrossNestedListsAndMaps() {
        List<Object> inner = Collections.nCopies(300, List.of());      // 300 + 300 x 0 elements
        List<Object> outer = Collections.nCopies(300, inner);           // 300 + 300 x 300 elements
        byte[] wire = send(Codec.values(), List.of(outer));
        UncheckedIOException e = refused(Codec.values(), wire, ReadLimits.DEFAULT, new ArrayList<>());
        assertTrue(e.getMessage().startsWith("recvfrom(values): item 1 holds more than 65536 elements (at a list of 300)"),
                e.getMessage());
        // the same stream within a raised limit
        List<Object> got = new ArrayList<>();
        Pipes.recvfrom(new ByteArrayInputStream(wire), Codec.values(), Sinks.collector(got),
                ReadLimits.DEFAULT.withMaxItemElements(300 + 300 * 300));
        assertEquals(List.of(outer), got);
    }

    @Test
    void stringMapEntriesCountToo() {
        Map<String, String> bus = Map.of("id", "1", "route", "22", "direction", "North Bound");
        byte[] wire = send(Codec.stringMaps(), List.of(bus, bus));
        UncheckedIOException e = refused(Codec.stringMaps(), wire, ReadLimits.DEFAULT.withMaxItemElements(2),
                new ArrayList<>());
        assertEquals("recvfrom(string-maps): item 1 holds more than 2 elements (at a map of 3):"
                + " over the limit per item (ReadLimits.maxItemElements)", e.getMessage());
    }

    @Test
    void anItemOverTheByteLimitIsRefusedBeforeItsStringIsAllocated() {
        byte[] wire = send(Codec.strings(), List.of("short", "y".repeat(200)));
        List<String> got = new ArrayList<>();
        UncheckedIOException e = refused(Codec.strings(), wire, ReadLimits.DEFAULT.withMaxItemBytes(100), got);
        assertEquals("recvfrom(strings): item 2 is longer than 100 bytes (at a string of 200 bytes after 2):"
                + " over the limit per item (ReadLimits.maxItemBytes)", e.getMessage());
        assertEquals(List.of("short"), got);
    }

    @Test
    void manySmallItemsAddUpToAnythingButEachIsBounded() {
        List<Object> items = Collections.nCopies(1000, Collections.nCopies(1000, 7L));  // 1,000,000 elements in all
        byte[] wire = send(Codec.values(), items);
        long n = Pipes.recvfrom(new ByteArrayInputStream(wire), Codec.values(), Sinks.discard(),
                ReadLimits.DEFAULT.withMaxItemElements(1000).withMaxItemBytes(2100));
        assertEquals(1000, n);
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[] wire = send(Codec.strings(), List.of("héllo"));
        byte[] bad = wire.clone();
        bad[HEADER + 3] = (byte) 0xC3;     // é is C3 A9: make it C3 C3, a lead byte without its follower
        bad[HEADER + 4] = (byte) 0xC3;
        UncheckedIOException e = refused(Codec.strings(), bad, ReadLimits.DEFAULT, new ArrayList<>());
        assertEquals("recvfrom(strings): a string of 6 bytes is not valid UTF-8: bad sequence at byte 1"
                + " (c3 c3 6c 6c ...); refused rather than replaced", e.getMessage());
        // an overlong encoding of '/' (C0 AF), and a lone surrogate encoded as UTF-8 (ED A0 80)
        for (byte[] seq : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            byte[] crafted = Arrays.copyOf(wire, HEADER + 2 + seq.length + 1);
            crafted[HEADER] = 1;
            crafted[HEADER + 1] = (byte) seq.length;
            System.arraycopy(seq, 0, crafted, HEADER + 2, seq.length);
            crafted[crafted.length - 1] = 0;
            UncheckedIOException r = refused(Codec.strings(), crafted, ReadLimits.DEFAULT, new ArrayList<>());
            assertTrue(r.getMessage().contains("is not valid UTF-8: bad sequence at byte 0"), r.getMessage());
        }
    }

    @Test
    void aStringThatUtf8CannotCarryIsRefusedWhenSent() {
        Stage<String> sendto = Pipes.sendto(new ByteArrayOutputStream(), Codec.strings());
        StageException e = assertThrows(StageException.class, () -> sendto.send("ab\uD800c"));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(e.getMessage().contains("has an unpaired surrogate at index 2"), e.getMessage());
        Stage<String> pairs = Pipes.sendto(new ByteArrayOutputStream(), Codec.strings());
        pairs.send("a \uD83D\uDE8C bus");      // a proper pair is fine
        pairs.close();
    }

    /**
     * Gives its bytes, then waits (until closed) as a quiet peer does, then gives {@code after}
     * and ends; with no {@code after} it waits until closed.
     */
    private static final class Stalling extends InputStream {
        private final byte[] bytes;
        private final long stallMillis;
        private final byte[] after;
        private final CountDownLatch closed = new CountDownLatch(1);
        private int pos;
        private boolean stalled;

        Stalling(byte[] bytes, long stallMillis, byte[] after) {
            this.bytes = bytes;
            this.stallMillis = stallMillis;
            this.after = after;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos < bytes.length) {
                int n = Math.min(len, bytes.length - pos);
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
            if (stalled) {
                return -1;
            }
            stalled = true;
            try {
                if (closed.await(stallMillis, TimeUnit.MILLISECONDS) || after == null) {
                    throw new IOException("closed");
                }
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            System.arraycopy(after, 0, b, off, after.length);
            return after.length;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    @Test
    void aPeerThatStallsMidItemIsGivenUpOn() {
        byte[] wire = send(Codec.strings(), List.of("complete", "cut short"));
        byte[] partial = Arrays.copyOf(wire, wire.length - 5);       // the second item lacks its last bytes
        Stalling in = new Stalling(partial, Long.MAX_VALUE, null);
        List<String> got = new ArrayList<>();
        Stage<String> sink = Sinks.collector(got);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Pipes.recvfrom(in, Codec.strings(),
                sink, ReadLimits.DEFAULT.withItemTimeout(Duration.ofMillis(300))));
        assertEquals("recvfrom(strings): the peer sent nothing for 300 ms in the middle of item 2"
                + " (ReadLimits.itemTimeout); the stream is closed", e.getMessage());
        assertEquals(List.of("complete"), got);
        assertTrue(sink.isClosed());
        assertEquals(0, in.closed.getCount(), "the stream was closed, releasing the reading thread");
    }

    @Test
    void aPeerQuietBetweenItemsIsWaitedFor() {
        byte[] wire = send(Codec.strings(), List.of("one", "two"));
        byte[] first = Arrays.copyOf(wire, wire.length - 1);         // everything but the end marker
        Stalling in = new Stalling(first, 1500, new byte[] {0});      // the marker comes after 1.5 s
        List<String> got = new ArrayList<>();
        long n = Pipes.recvfrom(in, Codec.strings(), Sinks.collector(got),
                ReadLimits.DEFAULT.withItemTimeout(Duration.ofMillis(300)));
        assertEquals(2, n);
        assertEquals(List.of("one", "two"), got);
    }
}
