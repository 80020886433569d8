package io.jcoro.bridge;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** {@link Codec#strings()}. */
final class StringCodec implements Codec<String> {
    static final StringCodec INSTANCE = new StringCodec();

    @Override
    public String name() {
        return "strings";
    }

    @Override
    public void write(String item, DataOutputStream out) throws IOException {
        Varints.writeString(out, Varints.require(item, "item"));
    }

    @Override
    public String read(DataInputStream in) throws IOException {
        return Varints.readString(in);
    }
}
