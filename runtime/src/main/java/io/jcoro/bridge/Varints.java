package io.jcoro.bridge;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;

/** The wire's building blocks: varints and strings, as {@link Codec} documents them. */
final class Varints {
    private Varints() {
    }

    static void writeVarint(DataOutput out, long value) throws IOException {
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    static long readVarint(DataInput in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new StreamCorruptedException("varint longer than 10 bytes");
    }

    /** Reads a count of elements or bytes, refusing more than {@code max}. */
    static int readCount(DataInput in, int max, String what) throws IOException {
        long n = readVarint(in);
        if (n < 0 || n > max) {
            throw new StreamCorruptedException(what + " of " + Long.toUnsignedString(n)
                    + " is over the limit of " + max);
        }
        return (int) n;
    }

    static void writeString(DataOutput out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Codec.MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string of " + bytes.length
                    + " UTF-8 bytes is over the limit of " + Codec.MAX_STRING_BYTES);
        }
        writeVarint(out, bytes.length);
        out.write(bytes);
    }

    static String readString(DataInput in) throws IOException {
        byte[] bytes = new byte[readCount(in, Codec.MAX_STRING_BYTES, "string")];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String require(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null; this codec has no null");
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(what + " is a " + value.getClass().getName()
                    + ", not a String");
        }
        return s;
    }
}
