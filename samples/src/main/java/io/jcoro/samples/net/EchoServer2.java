package io.jcoro.samples.net;

import io.jcoro.core.Coroutine;
import io.jcoro.net.Connection;
import io.jcoro.net.Listener;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * echoserver2.py with sockwrap.py: the echo server on the class-based socket wrapper, which
 * here is the library's {@link Listener} and {@link Connection}. Their {@code accept},
 * {@code recv} and {@code sendAll} are {@code @Coroutine} methods: the handler reads like a
 * blocking, thread-per-client server, yet every client is a task on one thread.
 *
 * <p>Arguments: {@code [port] [clients]}: the port (default 45000, on loopback) and how many
 * clients to serve before waiting for them to finish and ending (default: for ever).
 */
public final class EchoServer2 {
    private EchoServer2() {
    }

    @Coroutine
    static void handleClient(PrintStream out, Connection client) {
        out.println("Connection from " + client.remoteAddress());
        try (client) {
            while (true) {
                byte[] data = client.recv(65536);
                if (data.length == 0) {
                    break;
                }
                client.sendAll(data);
            }
            out.println("Client closed");
        } catch (UncheckedIOException e) {
            out.println("Client lost: " + e.getMessage());
        }
    }

    /**
     * Serves echo clients on {@code sock} (and closes it when done).
     *
     * @param out     where to log
     * @param sock    the listener
     * @param clients how many clients to serve before waiting for them to finish and returning;
     *                0 for ever
     */
    @Coroutine
    public static void serve(PrintStream out, Listener sock, int clients) {
        List<Integer> handlers = new ArrayList<>();
        try (sock) {
            while (clients == 0 || handlers.size() < clients) {
                Connection client = sock.accept();
                handlers.add(Syscalls.newTask(() -> handleClient(out, client)));
            }
        }
        for (int tid : handlers) {
            Syscalls.waitTask(tid);
        }
    }

    /**
     * Starts {@link #serve} with no logging (into a null {@link PrintStream}) on a scheduler of its
     * own, on a new daemon thread named {@code jcoro-echo-server}: the server for measuring in the
     * same JVM as its load. It is a daemon so that, if a client fails, the server still waiting for
     * that client does not keep the JVM alive.
     *
     * @param sock    the listener (closed when done)
     * @param clients how many clients to serve before the thread ends; 0 for ever
     * @return the started thread, which ends once those clients have been served
     */
    public static Thread startQuietly(Listener sock, int clients) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Thread server = new Thread(() -> {
            try (Scheduler sched = new Scheduler()) {
                sched.spawn(() -> serve(quiet, sock, clients));
                sched.run();
            }
        }, "jcoro-echo-server");
        server.setDaemon(true);
        server.start();
        return server;
    }

    public static void run(PrintStream out, String... args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 45000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        try (Scheduler sched = new Scheduler()) {
            out.println("Server starting");
            Listener sock = Listener.bind(port);
            sched.spawn(() -> serve(out, sock, clients));
            sched.run();
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
