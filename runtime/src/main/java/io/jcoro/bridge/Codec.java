package io.jcoro.bridge;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * How the items of one declared type cross a pipe between processes ({@link Pipes#sendto},
 * {@link Pipes#recvfrom}). A codec writes only its own type and reads back only that type:
 * unlike Java serialization (or the course's {@code pickle}), a peer can make the reader build
 * nothing but strings, numbers, booleans, lists and maps, within size limits.
 *
 * <p>The building blocks, used by all the codecs here:
 * <ul>
 *   <li><b>varint</b>: an unsigned integer in 7-bit groups, least significant first, the high
 *       bit set on every byte but the last (LEB128); at most 10 bytes.
 *   <li><b>string</b>: a varint byte count, then that many bytes of UTF-8; at most
 *       {@value #MAX_STRING_BYTES} bytes. Only well-formed UTF-8 crosses: a writer refuses a
 *       string with an unpaired surrogate, a reader refuses malformed bytes (neither replaces
 *       them with {@code ?} or U+FFFD).
 * </ul>
 * {@link Pipes#recvfrom} also bounds each item as a whole, in bytes and in elements, and
 * times a peer that stalls inside one ({@link ReadLimits}).
 *
 * @param <T> the type of the items
 */
public interface Codec<T> {
    /** The longest string a reader accepts, in UTF-8 bytes. */
    int MAX_STRING_BYTES = 16 << 20;
    /** The most elements a reader accepts in one list or map (per item, see {@link ReadLimits}). */
    int MAX_ELEMENTS = 1 << 20;

    /** @return the codec's name, sent in the stream header so both ends check they agree */
    String name();

    /**
     * Writes one item.
     *
     * @param item the item
     * @param out  where to write it
     * @throws IOException              if writing fails
     * @throws IllegalArgumentException if the item is not of the declared type
     */
    void write(T item, DataOutputStream out) throws IOException;

    /**
     * Reads one item.
     *
     * @param in where to read it from
     * @return the item
     * @throws IOException if the stream ends, or does not hold an item of this type
     */
    T read(DataInputStream in) throws IOException;

    /**
     * Strings: each one a <b>string</b>. Null items are refused.
     *
     * @return the codec, named {@code "strings"}
     */
    static Codec<String> strings() {
        return StringCodec.INSTANCE;
    }

    /**
     * Maps of strings to strings, such as the course's bus dicts: a <b>varint</b> entry count,
     * then for each entry its key and its value as <b>string</b>s. Order is kept (the reader
     * builds a {@code LinkedHashMap}); null keys and values are refused.
     *
     * @return the codec, named {@code "string-maps"}
     */
    static Codec<Map<String, String>> stringMaps() {
        return StringMapCodec.INSTANCE;
    }

    /**
     * JSON-like values: one tag byte, then the payload.
     * <table>
     *   <caption>tags</caption>
     *   <tr><th>tag</th><th>value</th><th>payload</th><th>read back as</th></tr>
     *   <tr><td>0</td><td>null</td><td>none</td><td>null</td></tr>
     *   <tr><td>1, 2</td><td>false, true</td><td>none</td><td>Boolean</td></tr>
     *   <tr><td>3</td><td>Byte, Short, Integer, Long</td><td>varint of the zigzag encoding
     *       ({@code (n << 1) ^ (n >> 63)})</td><td>Long</td></tr>
     *   <tr><td>4</td><td>Float, Double</td><td>8 bytes, IEEE 754, big-endian</td>
     *       <td>Double</td></tr>
     *   <tr><td>5</td><td>String</td><td>string</td><td>String</td></tr>
     *   <tr><td>6</td><td>List</td><td>varint count, then each value</td><td>ArrayList</td></tr>
     *   <tr><td>7</td><td>Map with String keys</td><td>varint count, then each key as
     *       string and its value</td><td>LinkedHashMap</td></tr>
     * </table>
     * Values nest at most {@value ValueCodec#MAX_DEPTH} deep. Anything else is refused when
     * writing.
     *
     * @return the codec, named {@code "values"}
     */
    static Codec<Object> values() {
        return ValueCodec.INSTANCE;
    }
}
