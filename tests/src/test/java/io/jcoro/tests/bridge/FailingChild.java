package io.jcoro.tests.bridge;

import io.jcoro.bridge.Codec;
import io.jcoro.bridge.Pipes;
import io.jcoro.core.Co;
import io.jcoro.flow.Stage;

/** A child JVM for {@link CoprocessTest}: prints what it gets, and fails on "boom". */
public final class FailingChild {
    private FailingChild() {
    }

    public static void main(String[] args) {
        Pipes.recvfrom(System.in, Codec.strings(), Stage.of("picky", () -> {
            while (true) {
                String item = Co.receive();
                if (item.equals("boom")) {
                    throw new IllegalArgumentException("the child cannot take boom");
                }
                System.out.println("child got " + item);
            }
        }));
    }
}
