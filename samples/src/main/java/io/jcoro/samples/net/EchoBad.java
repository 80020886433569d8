package io.jcoro.samples.net;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.sched.NewTask;
import io.jcoro.sched.Scheduler;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * echobad.py: a flawed concurrent echo server. Its sockets are in blocking mode, so the
 * server's {@code accept()} blocks the scheduler's only thread and every task freezes: "I'm
 * alive!" is printed once, then nothing runs. (Compare echogood.)
 *
 * <p>Arguments: {@code [port] [seconds]}: the port (default 45000, on loopback) and, to end
 * the demonstration, how long to let it hang before a watchdog thread closes the socket and
 * stops the scheduler (default: for ever, as in the course).
 */
public final class EchoBad {
    private EchoBad() {
    }

    @Coroutine
    static void handleClient(PrintStream out, SocketChannel client) {
        try (client) {
            out.println("Connection from " + client.getRemoteAddress());
            ByteBuffer buf = ByteBuffer.allocate(65536);
            while (client.read(buf) >= 0) {           // blocks every task
                buf.flip();
                client.write(buf);
                buf.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("Client closed");
        Co.yield(null);                                // make the function a coroutine
    }

    @Coroutine
    static void server(PrintStream out, ServerSocketChannel sock) {
        out.println("Server starting");
        while (true) {
            SocketChannel client;
            try {
                client = sock.accept();                // blocks every task
            } catch (IOException e) {
                out.println("Server socket closed");
                return;
            }
            Co.yield(new NewTask(() -> handleClient(out, client)));
        }
    }

    @Coroutine
    static void alive(PrintStream out) {
        while (true) {
            out.println("I'm alive!");
            Co.yield(null);
        }
    }

    public static void run(PrintStream out, String... args) throws IOException, InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 45000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        ServerSocketChannel sock = ServerSocketChannel.open();
        sock.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5);
        Scheduler sched = new Scheduler();
        Thread watchdog = null;
        if (seconds > 0) {
            watchdog = new Thread(() -> {
                try {
                    Thread.sleep((long) (seconds * 1000));
                } catch (InterruptedException e) {
                    return;
                }
                out.println("(after " + seconds + " s the tasks are still frozen behind the blocking accept(); stopping)");
                sched.stop();
                try {
                    sock.close();                      // unblocks accept()
                } catch (IOException ignored) {
                    // closing anyway
                }
            }, "echobad-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        try (sched; sock) {
            sched.spawn(() -> alive(out));
            sched.spawn(() -> server(out, sock));
            sched.run();
        }
        if (watchdog != null) {
            watchdog.join();
        }
    }

    public static void main(String[] args) throws Exception {
        run(System.out, args);
    }
}
