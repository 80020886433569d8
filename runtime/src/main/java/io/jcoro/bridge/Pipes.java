package io.jcoro.bridge;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.GeneratorExit;
import io.jcoro.flow.Sources;
import io.jcoro.flow.Stage;
import io.jcoro.flow.Target;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StreamCorruptedException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The course's coprocess.py: {@code sendto} and {@code recvfrom}, which carry a push pipeline
 * across a byte stream, such as the pipes of a subprocess, in a compact format.
 *
 * <pre>{@code
 * // parent: parse, make bus dicts, and send them to the child's stdin
 * SaxSource.parse(doc, Buses.busesToDicts(Pipes.sendto(child.getOutputStream(), Codec.stringMaps())));
 * // child (busproc): receive them and carry on with the rest of the pipeline
 * Pipes.recvfrom(System.in, Codec.stringMaps(),
 *         Buses.filterOnField("route", "22", Buses.busLocations(System.out)));
 * }</pre>
 *
 * <p>The stream: a header of the 4 bytes {@code JCOR}, a version byte (1) and the codec's
 * name as a string (see {@link Codec}); then one record per item: the byte 1 followed by the
 * item as the codec writes it; and finally the byte 0, the end marker, written when the
 * {@code sendto} stage is closed. The reader checks the header, so both ends must use the
 * same codec, and it tells a clean end (the marker) from a sender that stopped early (the
 * stream ends without it).
 */
public final class Pipes {
    private static final byte[] MAGIC = "JCOR".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int ITEM = 1;
    private static final int END = 0;

    private Pipes() {
    }

    /**
     * The course's {@code sendto(f)}: a stage that writes every item it receives to a stream,
     * flushing each one so the reader sees it at once. Closing the stage writes the end marker
     * and closes the stream. An item the codec refuses fails the stage with nothing written
     * for it; the stream is then closed without the end marker, which the reader reports.
     *
     * @param out   the stream, such as a subprocess's standard input
     * @param codec how to write the items
     * @param <T>   the type of the items
     * @return the stage, named {@code "sendto"}
     * @throws UncheckedIOException if the header cannot be written
     */
    public static <T> Stage<T> sendto(OutputStream out, Codec<T> codec) {
        Objects.requireNonNull(codec, "codec");
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Objects.requireNonNull(out, "out")));
        try {
            data.write(MAGIC);
            data.writeByte(VERSION);
            Varints.writeString(data, codec.name());
            data.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("sendto(" + codec.name() + "): cannot write the stream header: " + e.getMessage(), e);
        }
        return Stage.of("sendto", () -> send(data, codec));
    }

    @Coroutine
    private static <T> void send(DataOutputStream out, Codec<T> codec) {
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        DataOutputStream recordData = new DataOutputStream(record);
        try {
            while (true) {
                T item = Co.receive();
                // Encoded whole before anything is written: a refused item leaves no trace.
                record.reset();
                codec.write(item, recordData);
                out.writeByte(ITEM);
                record.writeTo(out);
                out.flush();
            }
        } catch (GeneratorExit exit) {
            try {
                out.writeByte(END);
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot end the stream: " + e.getMessage(), e);
            }
            throw exit;
        } catch (IOException e) {
            closeQuietly(out);
            throw new UncheckedIOException("cannot write to the stream: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(out);
            throw e;
        }
    }

    /**
     * The course's {@code recvfrom(f, target)}: reads items from a stream written by
     * {@link #sendto} and sends each into the target, until the end marker; then closes the
     * target. Returns when the stream has ended. Items are bounded by {@link ReadLimits#DEFAULT}.
     *
     * @param in     the stream, such as this process's standard input (not closed, unless the
     *               peer stalls mid-item)
     * @param codec  how to read the items; must be the one the writer used
     * @param target the head of the rest of the pipeline; closed when this returns or throws
     * @param <T>    the type of the items
     * @return how many items were received
     * @throws UncheckedIOException if the stream cannot be read, has a wrong header, holds
     *                              something the codec refuses, an item over the limits, or
     *                              ends without the end marker
     * @throws io.jcoro.flow.StageException if a stage fails
     */
    public static <T> long recvfrom(InputStream in, Codec<T> codec, Consumer<? super T> target) {
        return recvfrom(in, codec, target, ReadLimits.DEFAULT);
    }

    /**
     * {@link #recvfrom(InputStream, Codec, Consumer)} within the given limits: an item with more
     * bytes or elements than they allow is refused as soon as it goes over (before the rest of
     * it is read), and a peer that sends part of an item and then nothing for
     * {@link ReadLimits#itemTimeout()} is given up on: the stream is then closed, as it can no
     * longer be read in step. With a timeout, a daemon thread does the blocking reads.
     *
     * @param in     the stream (not closed, unless the peer stalls mid-item)
     * @param codec  how to read the items; must be the one the writer used
     * @param head   the head of the rest of the pipeline (any consumer: {@link Target#of});
     *               closed when this returns or throws
     * @param limits what one item may take
     * @param <T>    the type of the items
     * @return how many items were received
     * @throws UncheckedIOException as {@link #recvfrom(InputStream, Codec, Consumer)} does; the
     *                              message says which limit an item broke, or how long the peer
     *                              stalled
     * @throws io.jcoro.flow.StageException if a stage fails
     */
    public static <T> long recvfrom(InputStream in, Codec<T> codec, Consumer<? super T> head, ReadLimits limits) {
        Target<? super T> target = Target.of(Objects.requireNonNull(head, "target"));
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        TimedInput timed = limits.itemTimeout() == null ? null
                : new TimedInput(in, limits.itemTimeout(), "jcoro-recvfrom(" + codec.name() + ")");
        ItemInput data = new ItemInput(timed != null ? timed : new BufferedInputStream(in), limits);
        long count = 0;
        try {
            readHeader(data, timed, codec);
            for (int marker; (marker = data.read()) != END; count++) {
                if (marker == -1) {
                    throw new EOFException("the stream ended without the end marker after " + count
                            + " items: the sender stopped early");
                }
                if (marker != ITEM) {
                    throw new StreamCorruptedException("bad record marker " + marker + " after " + count + " items");
                }
                T item;
                try {
                    setTimed(timed, true);
                    data.startItem(count + 1);
                    item = codec.read(data);
                    data.endItem();
                    setTimed(timed, false);
                } catch (EOFException e) {
                    throw new EOFException("the stream ended inside item " + (count + 1));
                } catch (TimedInput.StalledException e) {
                    throw new TimedInput.StalledException(limits.itemTimeout(), "item " + (count + 1));
                }
                target.send(item);
            }
        } catch (IOException e) {
            if (e instanceof TimedInput.StalledException) {
                closeQuietly(timed);
            }
            UncheckedIOException failure = new UncheckedIOException(
                    "recvfrom(" + codec.name() + "): " + e.getMessage(), e);
            Sources.closeAfterFailure(target, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            Sources.closeAfterFailure(target, e);
            throw e;
        }
        target.close();
        return count;
    }

    private static void setTimed(TimedInput timed, boolean on) {
        if (timed != null) {
            timed.timed = on;
        }
    }

    /** Reads and checks the header; once its first byte has come, the rest is timed. */
    private static void readHeader(DataInputStream in, TimedInput timed, Codec<?> codec) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        try {
            int first = in.read();
            if (first < 0) {
                throw new EOFException();
            }
            magic[0] = (byte) first;
            setTimed(timed, true);
            in.readFully(magic, 1, magic.length - 1);
        } catch (EOFException e) {
            throw new EOFException("the stream is empty or shorter than its header: nothing was sent");
        } catch (TimedInput.StalledException e) {
            throw new TimedInput.StalledException(timed.timeout(), "the header");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new StreamCorruptedException("not a jcoro item stream (bad header)");
        }
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new StreamCorruptedException("stream version " + version + ", expected " + VERSION);
        }
        String name = Varints.readString(in);
        if (!name.equals(codec.name())) {
            throw new StreamCorruptedException("the sender used codec '" + name + "', this end expects '"
                    + codec.name() + "'");
        }
        setTimed(timed, false);
    }

    private static void closeQuietly(Closeable out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // already failing: the first error is the one to report
        }
    }
}
