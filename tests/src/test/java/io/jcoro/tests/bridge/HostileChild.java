package io.jcoro.tests.bridge;

import io.jcoro.bridge.Codec;
import io.jcoro.bridge.Pipes;
import io.jcoro.flow.Sinks;
import java.io.PrintStream;

/**
 * Child JVMs for {@link CoprocessLimitsTest}, each misbehaving one way:
 * <ul>
 *   <li>{@code long-line N}: prints a line of N characters with no newline, then reads its
 *       input to the end and exits normally;
 *   <li>{@code exit-now}: says why on standard error and exits with status 3, reading nothing;
 *   <li>{@code never-read}: never reads its input, and sleeps;
 *   <li>{@code never-exit}: reads its input to the end, then sleeps instead of exiting.
 * </ul>
 * Sleeping children are killed by the parent, which is what the test checks.
 */
public final class HostileChild {
    private HostileChild() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "long-line" -> {
                PrintStream out = System.out;
                int n = Integer.parseInt(args[1]);
                for (int i = 0; i < n; i++) {
                    out.print('x');
                }
                out.flush();
                Pipes.recvfrom(System.in, Codec.strings(), Sinks.discard());
            }
            case "exit-now" -> {
                System.err.println("hostile child: cannot open its configuration");
                System.exit(3);
            }
            case "never-read" -> Thread.sleep(Long.MAX_VALUE);
            case "never-exit" -> {
                Pipes.recvfrom(System.in, Codec.strings(), Sinks.discard());
                System.out.println("input ended; not exiting");
                Thread.sleep(Long.MAX_VALUE);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
