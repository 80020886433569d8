package io.jcoro.tests.bridge;

import io.jcoro.bridge.Codec;
import io.jcoro.bridge.Pipes;

/** A child JVM for {@link CoprocessTest}: sends back every value it receives. */
public final class EchoValues {
    private EchoValues() {
    }

    public static void main(String[] args) {
        Pipes.recvfrom(System.in, Codec.values(), Pipes.sendto(System.out, Codec.values()));
    }
}
