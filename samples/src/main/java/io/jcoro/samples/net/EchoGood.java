package io.jcoro.samples.net;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.net.Listener;
import io.jcoro.sched.Kernel;
import io.jcoro.sched.KillTask;
import io.jcoro.sched.NewTask;
import io.jcoro.sched.ReadWait;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Sleep;
import io.jcoro.sched.Task;
import io.jcoro.sched.WaitTask;
import io.jcoro.sched.WriteWait;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * echogood.py: the echo server that works, because every task waits for its socket with
 * {@link ReadWait} and {@link WriteWait} instead of blocking; "I'm alive!" keeps running.
 *
 * <p>Two additions to the course's code keep it serving under abuse: a {@link ReadWait} with a
 * timeout drops a client that stays silent for {@link #IDLE} (slowloris), and an
 * {@code accept} that fails for want of descriptors is retried after a pause instead of
 * ending the server.
 *
 * <p>Arguments: {@code [port] [clients]}: the port (default 45000, on loopback) and how many
 * clients to serve before the server waits for them to finish and ends, stopping the alive
 * task (default: for ever, as in the course).
 */
public final class EchoGood {
    /** How long a client may stay silent before it is dropped. */
    static final Duration IDLE = Duration.ofSeconds(60);

    private EchoGood() {
    }

    @Coroutine
    static void handleClient(PrintStream out, SocketChannel client) {
        try {
            out.println("Connection from " + client.getRemoteAddress());
            ByteBuffer buf = ByteBuffer.allocate(65536);
            while (true) {
                if (!Co.<Boolean>yield(new ReadWait(client, IDLE))) {
                    out.println("Client idle for " + IDLE.toSeconds() + " s: dropped");
                    return;
                }
                buf.clear();
                if (client.read(buf) < 0) {
                    break;
                }
                buf.flip();
                while (buf.hasRemaining()) {
                    Co.yield(new WriteWait(client));
                    client.write(buf);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Kernel.current().closeChannel(client);
        }
        out.println("Client closed");
    }

    /** @param clients how many clients to serve, 0 for ever */
    @Coroutine
    static void server(PrintStream out, int port, int clients, int backlog) {
        out.println("Server starting");
        List<Integer> handlers = new ArrayList<>();
        ServerSocketChannel sock = open(port, backlog);
        boolean starved = false;
        try {
            while (clients == 0 || handlers.size() < clients) {
                Co.yield(new ReadWait(sock));
                SocketChannel client;
                try {
                    client = sock.accept();
                } catch (IOException e) {
                    if (!Listener.isShortage(e)) {
                        throw e;
                    }
                    if (!starved) {             // out of descriptors: say so once, pause, retry
                        out.println("accept: " + e.getMessage() + "; retrying");
                        starved = true;
                    }
                    Co.yield(Sleep.millis(100));
                    continue;
                }
                if (client != null) {
                    client.configureBlocking(false);
                    handlers.add(Co.yield(new NewTask(() -> handleClient(out, client))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Kernel.current().closeChannel(sock);
        }
        for (int tid : handlers) {
            Co.yield(new WaitTask(tid));
        }
    }

    static ServerSocketChannel open(int port, int backlog) {
        try {
            ServerSocketChannel sock = ServerSocketChannel.open();
            sock.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            sock.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
            sock.configureBlocking(false);
            return sock;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    @Coroutine
    static void alive(PrintStream out) {
        while (true) {
            out.println("I'm alive!");
            Co.yield(null);
        }
    }

    public static void run(PrintStream out, String... args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 45000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        try (Scheduler sched = new Scheduler()) {
            Task alive = sched.spawn(() -> alive(out));
            sched.spawn(() -> {
                server(out, port, clients, 5);
                Co.yield(new KillTask(alive.id()));      // served them all: stop the alive task too
            });
            sched.run();
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
