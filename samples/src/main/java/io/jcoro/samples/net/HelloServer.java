package io.jcoro.samples.net;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.StopIteration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The asynchronous TCP server of file 003 ("Coroutine in Python"): no scheduler, just a
 * selector loop that advances a coroutine per ready socket. Each connection gets a reader
 * coroutine, which collects chunks until the data ends with a blank line and then hands the
 * socket to a writer coroutine, which sends {@code "Hello " + data} in chunks and closes it.
 * Each coroutine keeps its own state in its own locals: an isolated environment per connection.
 *
 * <p>Arguments: {@code [port] [connections]}: the port (default 5000 as in the notebook, on
 * loopback) and how many connections to answer before the server ends (default: for ever).
 */
public final class HelloServer {
    private final PrintStream out;
    private final Selector poll;
    private final int bufSize;
    private int answered;

    HelloServer(PrintStream out, int bufSize) throws IOException {
        this.out = out;
        this.poll = Selector.open();
        this.bufSize = bufSize;
    }

    /** Gives {@code sock} a reader coroutine, advanced whenever it is readable. */
    void handleRead(SocketChannel sock) throws IOException {
        Generator<Void> handler = Generator.of(() -> canRead(sock));
        sock.register(poll, SelectionKey.OP_READ, handler);
    }

    @Coroutine
    void canRead(SocketChannel sock) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        ByteBuffer chunk = ByteBuffer.allocate(bufSize);
        while (true) {
            chunk.clear();
            int n = read(sock, chunk);
            if (n > 0) {
                chunks.write(chunk.array(), 0, n);
            }
            byte[] data = chunks.toByteArray();
            if (endsWithBlankLine(data)) {
                handleWrite(sock, new String(data, 0, data.length - 2, StandardCharsets.UTF_8));
                return;
            }
            if (n < 0) {                               // the client gave up before its blank line
                handleWrite(sock, new String(data, StandardCharsets.UTF_8));
                return;
            }
            Co.yield(null);
        }
    }

    /** Swaps the socket's reader for a writer coroutine, advanced whenever it is writable. */
    void handleWrite(SocketChannel sock, String data) {
        Generator<Void> handler = Generator.of(() -> canWrite(sock, data));
        SelectionKey key = sock.keyFor(poll);
        key.interestOps(SelectionKey.OP_WRITE);
        key.attach(handler);
    }

    @Coroutine
    void canWrite(SocketChannel sock, String data) {
        ByteBuffer reply = ByteBuffer.wrap(("Hello " + data).getBytes(StandardCharsets.UTF_8));
        while (reply.hasRemaining()) {
            ByteBuffer piece = reply.slice();
            piece.limit(Math.min(bufSize, piece.remaining()));
            try {
                reply.position(reply.position() + sock.write(piece));
            } catch (IOException e) {
                break;                                 // the client went away: just close
            }
            Co.yield(null);
        }
        // clear the handler of the connection and close the connection
        sock.keyFor(poll).cancel();
        close(sock);
        answered++;
    }

    @Coroutine
    void handleAccept(ServerSocketChannel sock) {
        while (true) {
            try {
                SocketChannel s = sock.accept();
                if (s != null) {
                    out.println("Accept the connection from " + s.getRemoteAddress());
                    s.configureBlocking(false);
                    handleRead(s);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Co.yield(null);
        }
    }

    /** @param connections how many connections to answer before returning; 0 for ever */
    void mainloop(int port, int connections) throws IOException {
        try (ServerSocketChannel sock = ServerSocketChannel.open(); poll) {
            sock.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
            sock.configureBlocking(false);
            sock.register(poll, SelectionKey.OP_ACCEPT, Generator.of(() -> handleAccept(sock)));
            out.println("Server is running at " + sock.getLocalAddress());
            while (connections == 0 || answered < connections) {
                poll.select(key -> {
                    try {
                        ((Generator<?>) key.attachment()).next();
                    } catch (StopIteration done) {
                        // a reader that handed over to its writer, or a writer that has finished
                    }
                });
            }
            for (SelectionKey key : poll.keys()) {
                if (key.channel() != sock) {
                    close(key.channel());
                }
            }
        }
    }

    private static int read(SocketChannel sock, ByteBuffer chunk) {
        try {
            return sock.read(chunk);
        } catch (IOException e) {
            return -1;                                 // a reset is an end, here
        }
    }

    private static boolean endsWithBlankLine(byte[] data) {
        int n = data.length;
        return n >= 2 && data[n - 1] == '\n' && data[n - 2] == '\n';
    }

    private static void close(java.nio.channels.Channel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to do with it
        }
    }

    public static void run(PrintStream out, String... args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        new HelloServer(out, 64).mainloop(port, connections);
    }

    public static void main(String[] args) throws IOException {
        run(System.out, args);
    }
}
