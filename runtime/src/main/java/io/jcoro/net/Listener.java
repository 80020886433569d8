package io.jcoro.net;

import io.jcoro.core.Coroutine;
import io.jcoro.sched.Syscalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A listening TCP socket for tasks of a {@link io.jcoro.sched.Scheduler}; {@link #accept()} is
 * a plain {@code @Coroutine} method that suspends the calling task until a client connects:
 *
 * <pre>{@code
 * @Coroutine
 * static void server(int port) {
 *     try (Listener listener = Listener.bind(port)) {
 *         while (true) {
 *             Connection client = listener.accept();
 *             Syscalls.newTask(() -> handleClient(client));
 *         }
 *     }
 * }
 * }</pre>
 *
 * {@link #close()} never suspends; a task waiting in {@code accept} on a listener that another
 * task closes gets an {@link UncheckedIOException}. Not thread-safe: it belongs to the tasks of
 * one scheduler.
 */
public final class Listener implements AutoCloseable {
    /** The backlog {@link #bind(int)} asks for: enough for a thousand clients connecting at once. */
    public static final int DEFAULT_BACKLOG = 1024;

    private final ServerSocketChannel channel;
    private final InetSocketAddress address;
    private boolean closed;

    private Listener(ServerSocketChannel channel, InetSocketAddress address) {
        this.channel = channel;
        this.address = address;
    }

    /**
     * Listens on the loopback interface.
     *
     * @param port the port, or 0 for any free one (see {@link #port()})
     * @return the listener
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static Listener bind(int port) {
        return bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), DEFAULT_BACKLOG);
    }

    /**
     * Listens on an address, with {@code SO_REUSEADDR} so that a restarted server can bind
     * again at once.
     *
     * @param address the address ({@code new InetSocketAddress(port)}, the wildcard, listens on all interfaces)
     * @param backlog how many connections may wait to be accepted
     * @return the listener
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static Listener bind(InetSocketAddress address, int backlog) {
        ServerSocketChannel ch;
        try {
            ch = ServerSocketChannel.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a server socket for " + address + ": "
                    + Connection.message(e), e);
        }
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(address, backlog);
            ch.configureBlocking(false);
            InetSocketAddress bound = (InetSocketAddress) ch.getLocalAddress();
            OpenChannels.opened();
            return new Listener(ch, bound);
        } catch (IOException e) {
            OpenChannels.closeQuietly(ch);
            throw new UncheckedIOException("cannot listen on " + address + ": " + Connection.message(e), e);
        }
    }

    /**
     * Accepts the next connection, suspending the task until a client connects; Python's
     * {@code client, addr = sock.accept()} ({@link Connection#remoteAddress()} is the
     * {@code addr}).
     *
     * @return the new connection
     * @throws UncheckedIOException if accepting fails (the listener stays open, unless it was
     *                              closed, which is what the exception then says)
     */
    @Coroutine
    public Connection accept() {
        for (;;) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (IOException e) {
                throw new UncheckedIOException("accept on " + address + " failed: "
                        + (closed ? "the listener is closed" : Connection.message(e)), e);
            }
            if (client != null) {
                Connection c = Connection.wrap(client);
                Syscalls.checkpoint();
                return c;
            }
            Syscalls.readWait(channel);
        }
    }

    /** @return the address it listens on */
    public InetSocketAddress address() {
        return address;
    }

    /** @return the port it listens on */
    public int port() {
        return address.getPort();
    }

    /** @return the underlying channel, non-blocking */
    public ServerSocketChannel channel() {
        return channel;
    }

    /** @return whether it has not been closed */
    public boolean isOpen() {
        return !closed;
    }

    /**
     * Stops listening: takes the socket off the scheduler's selector (a task waiting in
     * {@link #accept()} gets an {@link UncheckedIOException}) and closes it. Never suspends;
     * does nothing the second time.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        OpenChannels.close(channel);
    }

    @Override
    public String toString() {
        return "Listener[" + address + (closed ? ", closed" : "") + "]";
    }
}
