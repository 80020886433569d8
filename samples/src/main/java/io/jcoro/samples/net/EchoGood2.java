package io.jcoro.samples.net;

import io.jcoro.sched.Scheduler;
import java.io.PrintStream;

/**
 * echogood2.py: the same working echo server without the "I'm alive!" task; it now blocks in
 * the selector while every client is idle. Arguments: {@code [port] [clients]} as echogood.
 */
public final class EchoGood2 {
    private EchoGood2() {
    }

    public static void run(PrintStream out, String... args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 45000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        try (Scheduler sched = new Scheduler()) {
            sched.spawn(() -> EchoGood.server(out, port, clients, 1024));
            sched.run();
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
