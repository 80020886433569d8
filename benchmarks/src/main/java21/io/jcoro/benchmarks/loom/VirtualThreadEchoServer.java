package io.jcoro.benchmarks.loom;

import io.jcoro.benchmarks.net.EchoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * N1's baseline: the echo server a Java 21 programmer writes, one virtual thread per connection
 * with blocking sockets, on loopback, with the same socket options as jcoro's
 * ({@code TCP_NODELAY}, backlog 1024).
 */
public final class VirtualThreadEchoServer implements EchoServer {
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Thread> handlers = new ArrayList<>();

    private VirtualThreadEchoServer(ServerSocket server, int clients) {
        this.server = server;
        this.acceptor = Thread.ofVirtual().name("echo-acceptor").start(() -> accept(clients));
    }

    /**
     * @param clients how many connections to accept before it stops accepting
     * @return the running server
     */
    public static VirtualThreadEchoServer start(int clients) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            return new VirtualThreadEchoServer(server, clients);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(int clients) {
        try (server) {
            for (int i = 0; i < clients; i++) {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread t = Thread.ofVirtual().start(() -> echo(s));
                synchronized (handlers) {
                    handlers.add(t);
                }
            }
        } catch (IOException e) {
            if (!server.isClosed()) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void echo(Socket s) {
        byte[] buffer = new byte[16 * 1024];
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the client went away: the connection is closed
        }
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    @Override
    public void awaitEnd() throws InterruptedException {
        acceptor.join();
        List<Thread> all;
        synchronized (handlers) {
            all = new ArrayList<>(handlers);
        }
        for (Thread t : all) {
            t.join();
        }
    }
}
