package io.jcoro.samples.net;

import io.jcoro.core.Coroutine;
import io.jcoro.net.Connection;
import io.jcoro.net.Listener;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.TaskGroup;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * echoserver2.py with sockwrap.py: the echo server on the class-based socket wrapper, which
 * here is the library's {@link Listener} and {@link Connection}. Their {@code accept},
 * {@code recv} and {@code sendAll} are {@code @Coroutine} methods: the handler reads like a
 * blocking, thread-per-client server, yet every client is a task on one thread.
 *
 * <p>It is also the way to write a server that holds up, where the course's
 * {@link EchoServer} does not:
 * <ul>
 *   <li>the listen backlog is {@link Listener#DEFAULT_BACKLOG} (1024), not 5, so a burst of
 *       clients waits in the kernel instead of being refused;
 *   <li>{@link Listener#accept()} accepts every connection that is waiting before it waits
 *       again, rather than one per trip through the selector;
 *   <li>when the process runs out of descriptors, {@code accept} logs it once, backs off and
 *       retries, while the connections already accepted are served; nothing is dropped;
 *   <li>every connection has an {@linkplain Connection#idleTimeout(Duration) idle timeout}: a
 *       client that sends nothing for that long (slowloris) is dropped;
 *   <li>the handlers are children of a {@link TaskGroup}, so {@code serve} returns only once
 *       every client it accepted is done, and a bug in a handler (anything but a lost
 *       connection) stops the server with that exception instead of passing unnoticed.
 * </ul>
 *
 * <p>Arguments: {@code [--threads N] [port] [clients] [idle seconds]}: how many threads the
 * scheduler runs on (default 1; {@code --threads 2} serves on two kernels, see
 * {@link Scheduler#onThreads}: the handlers start on the accepting kernel and ready ones are
 * handed to an idle kernel, where they then wait for their socket), the port (default 45000, on
 * loopback), how many clients to serve before waiting for them to finish and ending (default:
 * for ever), and the idle timeout (default 60).
 */
public final class EchoServer2 {
    /** The idle timeout when none is given. */
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(60);

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
            out.println("Client lost: " + e.getMessage()); // reset, broken pipe, or idle too long
        }
    }

    /**
     * Serves echo clients on {@code sock} (and closes it when done), with the
     * {@linkplain #DEFAULT_IDLE default idle timeout}.
     *
     * @param out     where to log
     * @param sock    the listener
     * @param clients how many clients to serve before waiting for them to finish and returning;
     *                0 for ever
     */
    @Coroutine
    public static void serve(PrintStream out, Listener sock, int clients) {
        serve(out, sock, clients, DEFAULT_IDLE);
    }

    /**
     * Serves echo clients on {@code sock} (and closes it once it has accepted {@code clients}),
     * each in a task of one {@link TaskGroup}; returns when they have all finished.
     *
     * @param out     where to log
     * @param sock    the listener
     * @param clients how many clients to serve; 0 for ever
     * @param idle    the idle timeout of every connection, or null for none
     */
    @Coroutine
    public static void serve(PrintStream out, Listener sock, int clients, Duration idle) {
        TaskGroup.run(handlers -> {
            try (sock) {
                for (int served = 0; clients == 0 || served < clients; served++) {
                    Connection client = sock.accept().idleTimeout(idle);
                    handlers.spawn(() -> handleClient(out, client));
                }
            }
        });
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
        return startQuietly(sock, clients, new Scheduler());
    }

    /**
     * {@link #startQuietly(Listener, int)} on a given scheduler, for instance one on several
     * threads ({@link Scheduler#onThreads}); it is closed when the server ends.
     *
     * @param sock    the listener (closed when done)
     * @param clients how many clients to serve before the thread ends; 0 for ever (until the
     *                scheduler is {@linkplain Scheduler#stop() stopped})
     * @param sched   the scheduler to run it on, not running
     * @return the started thread, which runs the scheduler's first kernel
     */
    public static Thread startQuietly(Listener sock, int clients, Scheduler sched) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Thread server = new Thread(() -> {
            try (sched) {
                sched.spawn(() -> serve(quiet, sock, clients));
                sched.run();
            }
        }, "jcoro-echo-server");
        server.setDaemon(true);
        server.start();
        return server;
    }

    public static void run(PrintStream out, String... args) {
        int threads = 1;
        if (args.length > 1 && args[0].equals("--threads")) {
            threads = Integer.parseInt(args[1]);
            args = java.util.Arrays.copyOfRange(args, 2, args.length);
        }
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 45000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Duration idle = args.length > 2 ? Duration.ofSeconds(Long.parseLong(args[2])) : DEFAULT_IDLE;
        try (Scheduler sched = Scheduler.onThreads(threads)) {
            out.println("Server starting");
            Listener sock = Listener.bind(port);
            sched.spawn(() -> serve(out, sock, clients, idle));
            sched.run();
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
