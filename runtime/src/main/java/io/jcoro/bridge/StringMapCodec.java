package io.jcoro.bridge;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link Codec#stringMaps()}. */
final class StringMapCodec implements Codec<Map<String, String>> {
    static final StringMapCodec INSTANCE = new StringMapCodec();

    @Override
    public String name() {
        return "string-maps";
    }

    @Override
    public void write(Map<String, String> item, DataOutputStream out) throws IOException {
        if (item == null) {
            throw new IllegalArgumentException("item is null; this codec has no null");
        }
        Varints.writeVarint(out, item.size());
        for (Map.Entry<?, ?> e : item.entrySet()) {
            Varints.writeString(out, Varints.require(e.getKey(), "a key"));
            Object value = e.getValue();
            Varints.writeString(out, value instanceof String s ? s : Varints.require(value, "the value of " + e.getKey()));
        }
    }

    @Override
    public Map<String, String> read(DataInputStream in) throws IOException {
        int n = Varints.readElementCount(in, "map");
        Map<String, String> map = new LinkedHashMap<>(Math.min(n, 64) * 2);
        for (int i = 0; i < n; i++) {
            String key = Varints.readString(in);
            map.put(key, Varints.readString(in));
        }
        return map;
    }
}
