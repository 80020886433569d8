package io.jcoro.benchmarks.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * JSON text to plain Java values and back, with Jackson: objects are {@code Map<String, Object>}
 * (in order), arrays {@code List<Object>}, numbers {@code Integer}, {@code Long} or
 * {@code Double} (read them with {@code Number}), plus {@code String}, {@code Boolean} and
 * {@code null}. The one setting of note: a NaN or infinite double is written as {@code null},
 * as strict JSON has no such numbers (JMH's own files spell them {@code "NaN"}, a string).
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .registerModule(new SimpleModule("finite-doubles").addSerializer(Double.class, new FiniteDoubles()));

    private Json() {
    }

    /**
     * @param text one JSON value
     * @return it as Java values
     * @throws IllegalArgumentException saying where the first error is
     */
    public static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
    }

    /**
     * @param value maps, lists, strings, numbers, booleans and null
     * @return it as JSON text, on one line
     * @throws IllegalArgumentException if it holds something else
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
        }
    }

    /** NaN and the infinities as null. */
    private static final class FiniteDoubles extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        FiniteDoubles() {
            super(Double.class);
        }

        @Override
        public void serialize(Double d, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (d.isNaN() || d.isInfinite()) {
                out.writeNull();
            } else {
                out.writeNumber(d);
            }
        }
    }
}
