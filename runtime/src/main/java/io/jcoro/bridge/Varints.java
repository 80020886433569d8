package io.jcoro.bridge;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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

    /** Reads a count of bytes, refusing more than {@code max}. */
    static int readCount(DataInput in, int max, String what) throws IOException {
        long n = readVarint(in);
        if (n < 0 || n > max) {
            throw new StreamCorruptedException(what + " of " + Long.toUnsignedString(n)
                    + " is over the limit of " + max);
        }
        return (int) n;
    }

    /**
     * Reads the entry count of a list or map: at most {@link Codec#MAX_ELEMENTS}, and charged
     * to the item's budget when {@code in} is the one {@link Pipes#recvfrom} reads from.
     */
    static int readElementCount(DataInput in, String what) throws IOException {
        int n = readCount(in, Codec.MAX_ELEMENTS, what);
        if (in instanceof ItemInput item) {
            item.chargeElements(n, what);
        }
        return n;
    }

    /**
     * Writes a string as UTF-8.
     *
     * @throws IllegalArgumentException if it is too long, or is not well-formed UTF-16 (an
     *                                  unpaired surrogate has no UTF-8 form; Java would send
     *                                  '?' in its place)
     */
    static void writeString(DataOutput out, String s) throws IOException {
        byte[] bytes = ascii(s) ? s.getBytes(StandardCharsets.US_ASCII) : strictUtf8(s);
        if (bytes.length > Codec.MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string of " + bytes.length
                    + " UTF-8 bytes is over the limit of " + Codec.MAX_STRING_BYTES);
        }
        writeVarint(out, bytes.length);
        out.write(bytes);
    }

    /**
     * Reads a string.
     *
     * @throws StreamCorruptedException if its bytes are not well-formed UTF-8 (refused, not
     *                                  replaced by U+FFFD), or it does not fit the item
     */
    static String readString(DataInput in) throws IOException {
        int n = readCount(in, Codec.MAX_STRING_BYTES, "string");
        if (in instanceof ItemInput item) {
            item.requireBytes(n, "a string");
        }
        if (n == 0) {
            return "";          // shared: a stream of empty strings then weighs 4 bytes an element, not 28
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        for (byte b : bytes) {
            if (b < 0) {
                return strictString(bytes);
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static byte[] strictUtf8(String s) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            int at = firstUnpaired(s);
            throw new IllegalArgumentException("a string of " + s.length() + " chars has an unpaired surrogate at index "
                    + at + ", which UTF-8 cannot carry (Java would send '?' in its place)", e);
        }
    }

    private static int firstUnpaired(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String strictString(byte[] bytes) throws StreamCorruptedException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in).toString();
        } catch (CharacterCodingException e) {
            int at = in.position();
            StringBuilder hex = new StringBuilder();
            for (int i = at; i < Math.min(bytes.length, at + 4); i++) {
                hex.append(String.format(" %02x", bytes[i] & 0xff));
            }
            throw new StreamCorruptedException("a string of " + bytes.length + " bytes is not valid UTF-8: bad"
                    + " sequence at byte " + at + " (" + hex.toString().strip() + (bytes.length > at + 4 ? " ..." : "")
                    + "); refused rather than replaced");
        }
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
