package io.jcoro.samples.net;

import io.jcoro.core.Coroutine;
import io.jcoro.sched.Kernel;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * echoserver.py: the echo server written with library functions {@code accept}, {@code send}
 * and {@code recv}. In the course they are sub-generators that only work because pyos8's
 * scheduler trampolines them ({@code data = yield Recv(client, 65536)}); here they are plain
 * {@code @Coroutine} methods, and the tasks simply call them ({@code data = recv(client, 65536)}).
 *
 * <h2>Why it fails under load</h2>
 * It is the course's server, kept as it is, and it is not built for a crowd. With 1,000 clients
 * connecting at once, hundreds of connections fail, for two reasons of the course's own making:
 * <ul>
 *   <li>the listen backlog is 5: the kernel queues at most about five connections that have not
 *       been accepted yet, and answers the rest of a burst with a reset (or drops their
 *       handshake, so that they time out);
 *   <li>{@code accept} waits for readiness first and then accepts one connection: each
 *       connection costs a trip through the selector and the ready queue, behind every client
 *       task that is ready, so the backlog drains slowly while it overflows.
 * </ul>
 * It also dies when the process runs out of descriptors (its {@code accept} throws, and the
 * server task with it) and holds idle clients for ever. {@link EchoServer2} shows the way that
 * holds up: a large backlog, accepting everything that waits before waiting again, backing off
 * when out of descriptors, and an idle timeout.
 *
 * <p>Arguments: {@code [port] [clients]} as echogood.
 */
public final class EchoServer {
    private EchoServer() {
    }

    // ---- library functions ---------------------------------------------------------------

    /** The course's {@code Accept}: wait, then accept one; see "why it fails under load". */
    @Coroutine
    static SocketChannel accept(ServerSocketChannel sock) {
        while (true) {
            Syscalls.readWait(sock);
            try {
                SocketChannel client = sock.accept();
                if (client != null) {
                    client.configureBlocking(false);
                    return client;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Coroutine
    static void send(SocketChannel sock, ByteBuffer buffer) {
        while (buffer.hasRemaining()) {
            Syscalls.writeWait(sock);
            try {
                sock.write(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @return the bytes received, empty at the end of the stream */
    @Coroutine
    static ByteBuffer recv(SocketChannel sock, int maxbytes) {
        ByteBuffer buf = ByteBuffer.allocate(maxbytes);
        Syscalls.readWait(sock);
        try {
            sock.read(buf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.flip();
    }

    // ---- the server ------------------------------------------------------------------------

    @Coroutine
    static void handleClient(PrintStream out, SocketChannel client) {
        try {
            out.println("Connection from " + client.getRemoteAddress());
            while (true) {
                ByteBuffer data = recv(client, 65536);
                if (!data.hasRemaining()) {
                    break;
                }
                send(client, data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Kernel.current().closeChannel(client);
        }
        out.println("Client closed");
    }

    @Coroutine
    static void server(PrintStream out, int port, int clients) {
        out.println("Server starting");
        ServerSocketChannel sock = EchoGood.open(port, 5); // the course's backlog: too small for a burst
        List<Integer> handlers = new ArrayList<>();
        try {
            while (clients == 0 || handlers.size() < clients) {
                SocketChannel client = accept(sock);
                handlers.add(Syscalls.newTask(() -> handleClient(out, client)));
            }
        } finally {
            Kernel.current().closeChannel(sock);
        }
        for (int tid : handlers) {
            Syscalls.waitTask(tid);
        }
    }

    public static void run(PrintStream out, String... args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 45000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        try (Scheduler sched = new Scheduler()) {
            sched.spawn(() -> server(out, port, clients));
            sched.run();
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
