package io.jcoro.samples.os;

import io.jcoro.core.Coroutine;
import io.jcoro.net.Connection;
import io.jcoro.net.Listener;
import io.jcoro.net.OpenChannels;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a waiting task weighs: the heap a scheduler needs for N sleeping tasks, and for N idle
 * connections each with its handler task waiting in {@code recv}. The idle figure is given
 * next to the same N connections accepted without the library (plain NIO channels), so the
 * difference is what jcoro adds per connection: the task, its saved frames, the
 * {@link Connection} and the selector registration. Each connection takes two descriptors
 * here (both ends are in this process).
 *
 * <p>Arguments: {@code [sleepers] [connections]} (defaults 1000000 and 5000). Measured as the
 * used heap after a full GC, so run it with a heap that fits ({@code -Xmx2g} is plenty).
 */
public final class Footprint {
    private Footprint() {
    }

    @Coroutine
    static void sleeper() {
        Syscalls.sleep(3_600_000);
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    /** @return heap bytes per sleeping task */
    public static double sleepingTask(int n) {
        Scheduler sched = new Scheduler();
        long[] used = new long[2];
        used[0] = usedHeap();
        sched.spawn(() -> {
            for (int i = 0; i < n; i++) {
                Syscalls.newTask(Footprint::sleeper);
            }
            Syscalls.sleep(0);                          // the last ones reach their sleep
            used[1] = usedHeap();
            sched.stop();
        });
        sched.run();
        sched.close();
        return (double) (used[1] - used[0]) / n;
    }

    /** @return heap bytes per idle connection: {plain NIO pair, pair with a jcoro handler task} */
    public static double[] idleConnection(int n) throws IOException {
        double plain;
        List<SocketChannel> kept = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0), n);
            long before = usedHeap();
            for (int i = 0; i < n; i++) {
                kept.add(SocketChannel.open(server.getLocalAddress()));
                SocketChannel accepted = server.accept();
                accepted.configureBlocking(false);
                kept.add(accepted);
            }
            plain = (double) (usedHeap() - before) / n;
        } finally {
            for (SocketChannel c : kept) {
                c.close();
            }
            kept.clear();
        }

        int openBefore = OpenChannels.count();
        Listener listener = Listener.bind(0);
        Scheduler sched = new Scheduler();
        long[] used = new long[2];
        sched.spawn(() -> {
            used[0] = usedHeap();
            try (listener) {
                for (int i = 0; i < n; i++) {
                    try {
                        kept.add(SocketChannel.open(listener.address()));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    Connection c = listener.accept();
                    Syscalls.newTask(() -> {
                        try (c) {
                            c.recv(100);                        // idle: nothing is ever sent
                        }
                    });
                }
            }
            Syscalls.sleep(0);
            if (OpenChannels.count() != openBefore + n) {
                throw new IllegalStateException("not every handler is waiting");
            }
            used[1] = usedHeap();
            sched.stop();
        });
        sched.run();
        sched.close();
        for (SocketChannel c : kept) {
            c.close();
        }
        return new double[] {plain, (double) (used[1] - used[0]) / n};
    }

    /** @param args {@code [sleepers] [connections]} */
    public static void run(PrintStream out, String... args) throws IOException {
        int sleepers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        out.println(String.format(Locale.ROOT, "%,d sleeping tasks: %.0f bytes each", sleepers,
                sleepingTask(sleepers)));
        double[] idle = idleConnection(connections);
        out.println(String.format(Locale.ROOT,
                "%,d idle connections: %.0f bytes each with a handler task waiting in recv"
                        + " (a plain NIO pair: %.0f; jcoro adds %.0f)",
                connections, idle[1], idle[0], idle[1] - idle[0]));
    }

    public static void main(String[] args) throws IOException {
        run(System.out, args);
    }
}
