package io.jcoro.samples.net;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.net.Connection;
import io.jcoro.net.Listener;
import io.jcoro.sched.Kernel;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.SystemCall;
import io.jcoro.sched.Task;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A load generator for echo servers, written with the library it measures: every client is a
 * task of one client-side {@link Scheduler} (one thread), using {@link Connection}. The clients
 * all connect, wait for each other at a gate (a short custom system call), then each sends
 * {@code requests} messages of {@code size} bytes one at a time, reads each echo back in full
 * and checks it. The result: bytes echoed per second, round trips per second, and round-trip
 * latency percentiles.
 *
 * <p>From the command line: {@code echoload [clients] [requests] [size] [host:port]} (defaults
 * 1000, 100, 1024); without an address it starts the jcoro echo server of echoserver2 in this
 * JVM, on its own thread. From code: {@link #measure(InetSocketAddress, int, int, int)}, for
 * any echo server.
 */
public final class EchoLoad {
    private EchoLoad() {
    }

    /**
     * What a run measured.
     *
     * @param clients      concurrent clients
     * @param requests     round trips per client
     * @param size         bytes per message
     * @param elapsedNanos from the gate opening to the last echo
     * @param latencies    every round trip's time in nanoseconds, sorted
     */
    public record Result(int clients, int requests, int size, long elapsedNanos, long[] latencies) {
        /** @return the bytes echoed (each went to the server and came back) */
        public long bytes() {
            return (long) clients * requests * size;
        }

        /** @return megabytes (10^6 bytes) echoed per second */
        public double megabytesPerSecond() {
            return bytes() / (elapsedNanos / 1e9) / 1e6;
        }

        /** @return round trips per second, over all clients */
        public double requestsPerSecond() {
            return (double) clients * requests / (elapsedNanos / 1e9);
        }

        /**
         * @param p a percentile, 0 to 100
         * @return the round-trip time at that percentile, in microseconds
         */
        public double latencyMicros(double p) {
            int i = (int) Math.ceil(p / 100 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e3;
        }

        /** @return one line with everything */
        public String summary() {
            return String.format(Locale.ROOT,
                    "%d clients x %d requests x %d bytes: %.1f MB/s, %.0f requests/s, round trip p50 %.0f us,"
                            + " p99 %.0f us, max %.0f us (%.2f s)",
                    clients, requests, size, megabytesPerSecond(), requestsPerSecond(), latencyMicros(50),
                    latencyMicros(99), latencyMicros(100), elapsedNanos / 1e9);
        }
    }

    /** Parks the clients until all have connected, then lets them go at once; records when. */
    static final class Gate implements SystemCall {
        final int parties;
        final List<Task> waiting = new ArrayList<>();
        long openedAt;

        Gate(int parties) {
            this.parties = parties;
        }

        @Override
        public void handle(Kernel kernel, Task task) {
            waiting.add(task);
            kernel.park(task, () -> waiting.remove(task)); // a client cancelled at the gate leaves it
            if (waiting.size() == parties) {
                openedAt = System.nanoTime();
                List<Task> all = List.copyOf(waiting);
                waiting.clear();
                for (Task t : all) {
                    kernel.resume(t, null);
                }
            }
        }
    }

    @Coroutine
    static void client(InetSocketAddress server, int index, int requests, int size, long[] latencies, Gate gate) {
        byte[] message = new byte[size];
        ByteBuffer echo = ByteBuffer.allocate(size);
        try (Connection c = Connection.connect(server)) {
            Co.yield(gate);
            for (int r = 0; r < requests; r++) {
                Arrays.fill(message, (byte) (index * 31 + r));
                long start = System.nanoTime();
                c.sendAll(message);
                echo.clear();
                while (echo.hasRemaining()) {
                    if (c.recvInto(echo) < 0) {
                        throw new IllegalStateException("client " + index + ": the server closed the connection after "
                                + r + " echoes");
                    }
                }
                latencies[index * requests + r] = System.nanoTime() - start;
                if (Arrays.mismatch(echo.array(), message) >= 0) {
                    throw new IllegalStateException("client " + index + ": echo " + r + " differs from what was sent");
                }
            }
        }
    }

    /**
     * Runs the load against an echo server.
     *
     * @param server   the server's address
     * @param clients  how many clients connect at once
     * @param requests round trips per client
     * @param size     bytes per message
     * @return the measurements
     * @throws IllegalStateException if a client fails (the first failure is the cause)
     */
    public static Result measure(InetSocketAddress server, int clients, int requests, int size) {
        long[] latencies = new long[clients * requests];
        Gate gate = new Gate(clients);
        List<Throwable> failures = new ArrayList<>();
        try (Scheduler sched = new Scheduler().onFailure(t -> failures.add(t.failure()))) {
            for (int i = 0; i < clients; i++) {
                int index = i;
                sched.spawn(() -> client(server, index, requests, size, latencies, gate));
            }
            try {
                sched.run();
            } catch (IllegalStateException deadlock) {
                // a client failed before the gate: the others wait there for ever
                failures.add(deadlock);
            }
        }
        long end = System.nanoTime();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " clients failed; the first: " + failures.get(0),
                    failures.get(0));
        }
        Arrays.sort(latencies);
        return new Result(clients, requests, size, end - gate.openedAt, latencies);
    }

    /** @param args {@code [clients] [requests] [size] [host:port]} */
    public static void run(PrintStream out, String... args) throws InterruptedException {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        if (args.length > 3) {
            String[] hostPort = args[3].split(":");
            out.println(measure(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), clients, requests, size)
                    .summary());
            return;
        }
        Listener listener = Listener.bind(0);
        Thread server = EchoServer2.startQuietly(listener, clients);
        out.println("jcoro echo server (echoserver2) on " + listener.address());
        out.println(measure(listener.address(), clients, requests, size).summary());
        server.join();
    }

    public static void main(String[] args) throws InterruptedException {
        run(System.out, args);
    }
}
