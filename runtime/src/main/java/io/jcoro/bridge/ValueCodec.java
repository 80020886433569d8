package io.jcoro.bridge;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Codec#values()}: the tags are documented there. */
final class ValueCodec implements Codec<Object> {
    static final ValueCodec INSTANCE = new ValueCodec();
    /** How deep lists and maps may nest. */
    static final int MAX_DEPTH = 64;

    private static final int NULL = 0;
    private static final int FALSE = 1;
    private static final int TRUE = 2;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int STRING = 5;
    private static final int LIST = 6;
    private static final int MAP = 7;

    @Override
    public String name() {
        return "values";
    }

    @Override
    public void write(Object item, DataOutputStream out) throws IOException {
        write(item, out, 0);
    }

    private static void write(Object v, DataOutputStream out, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("values nest more than " + MAX_DEPTH + " deep");
        }
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            long n = ((Number) v).longValue();
            out.writeByte(INTEGER);
            Varints.writeVarint(out, (n << 1) ^ (n >> 63));
        } else if (v instanceof Double || v instanceof Float) {
            out.writeByte(FLOAT);
            out.writeDouble(((Number) v).doubleValue());
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            Varints.writeString(out, s);
        } else if (v instanceof List<?> list) {
            out.writeByte(LIST);
            Varints.writeVarint(out, list.size());
            for (Object e : list) {
                write(e, out, depth + 1);
            }
        } else if (v instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            Varints.writeVarint(out, map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Varints.writeString(out, Varints.require(e.getKey(), "a map key"));
                write(e.getValue(), out, depth + 1);
            }
        } else {
            throw new IllegalArgumentException("the values codec cannot send a " + v.getClass().getName()
                    + ": only null, Boolean, integers, Float/Double, String, List and Map with String keys");
        }
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
        return read(in, 0);
    }

    private static Object read(DataInputStream in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new StreamCorruptedException("values nest more than " + MAX_DEPTH + " deep");
        }
        int tag = in.readUnsignedByte();
        switch (tag) {
            case NULL:
                return null;
            case FALSE:
                return Boolean.FALSE;
            case TRUE:
                return Boolean.TRUE;
            case INTEGER: {
                long z = Varints.readVarint(in);
                return (z >>> 1) ^ -(z & 1);
            }
            case FLOAT:
                return in.readDouble();
            case STRING:
                return Varints.readString(in);
            case LIST: {
                int n = Varints.readElementCount(in, "list");
                List<Object> list = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    list.add(read(in, depth + 1));
                }
                return list;
            }
            case MAP: {
                int n = Varints.readElementCount(in, "map");
                Map<String, Object> map = new LinkedHashMap<>(Math.min(n, 1024) * 2);
                for (int i = 0; i < n; i++) {
                    String key = Varints.readString(in);
                    map.put(key, read(in, depth + 1));
                }
                return map;
            }
            default:
                throw new StreamCorruptedException("unknown value tag " + tag);
        }
    }
}
