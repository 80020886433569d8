package io.jcoro.net;

import io.jcoro.core.Coroutine;
import io.jcoro.sched.Syscalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;

/**
 * A TCP connection for tasks of a {@link io.jcoro.sched.Scheduler}: the course's
 * {@code Socket} wrapper (sockwrap.py), whose methods are plain {@code @Coroutine} methods.
 * {@link #recv(int)} and {@link #sendAll(byte[])} suspend the calling task, at whatever depth
 * it calls them, until the socket is ready, and other tasks run meanwhile:
 *
 * <pre>{@code
 * @Coroutine
 * static void handleClient(Connection client) {
 *     try (client) {
 *         byte[] data;
 *         while ((data = client.recv(65536)).length > 0) {
 *             client.sendAll(data);
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Failures are clear and leave nothing behind: the end of the stream (the peer closed, or
 * shut down its output) is an empty {@code recv}; a reset or broken connection, in any call,
 * closes this connection, takes it off the selector, and throws an {@link UncheckedIOException}
 * naming the call and the peer. {@link #close()} never suspends, so it is safe in
 * {@code finally} blocks of a task that is being killed.
 *
 * <p>An {@linkplain #idleTimeout(Duration) idle timeout} bounds every wait: a peer that sends
 * nothing (or reads nothing) for that long is dropped as a failed connection, which is how a
 * server holds off slowloris clients. For a deadline on a whole exchange, open a
 * {@link io.jcoro.sched.CancelScope} around it.
 *
 * <p>An idle connection holds its channel, its selection key and nothing else: reads go
 * through one buffer per scheduler thread, and the bytes are copied out.
 * A connection belongs to the tasks of one scheduler and is not thread-safe.
 */
public final class Connection implements AutoCloseable {
    private static final byte[] END = new byte[0];

    private final SocketChannel channel;
    private final SocketAddress peer;
    private boolean closed;
    /** How long a wait may last before the connection counts as idle; null: for ever. */
    private Duration idleTimeout;

    private Connection(SocketChannel channel, SocketAddress peer) {
        this.channel = channel;
        this.peer = peer;
        OpenChannels.opened();
    }

    /**
     * Takes over a connected (or connecting) socket channel: puts it in non-blocking mode and
     * turns off Nagle's algorithm, as request/response traffic wants. The connection now owns
     * the channel and closes it.
     *
     * @param channel an open socket channel
     * @return the connection
     * @throws UncheckedIOException if the channel cannot be configured (it is then closed)
     */
    public static Connection wrap(SocketChannel channel) {
        Objects.requireNonNull(channel, "channel");
        SocketAddress peer;
        try {
            peer = channel.getRemoteAddress();
            configure(channel);
        } catch (IOException e) {
            OpenChannels.closeQuietly(channel);
            throw new UncheckedIOException("cannot use " + channel + ": " + message(e), e);
        }
        return new Connection(channel, peer);
    }

    /**
     * Connects to a server, suspending the calling task until the connection is made.
     *
     * @param remote the server's address
     * @return the connection
     * @throws UncheckedIOException if the connection fails (refused, unreachable, ...)
     */
    @Coroutine
    public static Connection connect(InetSocketAddress remote) {
        SocketChannel ch;
        try {
            ch = SocketChannel.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a socket to connect to " + remote + ": " + message(e), e);
        }
        Connection c = new Connection(ch, remote);
        boolean connected = false;
        try {
            configure(ch);
            if (!ch.connect(remote)) {
                do {
                    Syscalls.writeWait(ch);
                } while (!ch.finishConnect());
            }
            connected = true;
        } catch (IOException e) {
            throw c.failed("connect to", e);
        } finally {
            if (!connected) {
                c.close();
            }
        }
        return c;
    }

    /**
     * Sets the idle timeout: from now on, each time {@code recv}, {@code recvInto} or
     * {@code sendAll} has to wait for the peer, it waits at most this long; if nothing arrives
     * (or nothing can be sent) meanwhile, the connection is closed and the call throws an
     * {@link UncheckedIOException} caused by a {@link SocketTimeoutException}
     * ({@code "recv from /127.0.0.1:51234 failed: idle for 30000 ms"}). Progress resets the
     * clock: a slow peer that keeps sending is not idle.
     *
     * @param timeout the longest wait, or null for none (the default)
     * @return this connection
     * @throws IllegalArgumentException if the timeout is zero or negative
     */
    public Connection idleTimeout(Duration timeout) {
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("idleTimeout must be positive, not " + timeout);
        }
        this.idleTimeout = timeout;
        return this;
    }

    /** @return the idle timeout, or null if there is none */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    @Coroutine
    private void awaitReadable(String what) {
        if (idleTimeout == null) {
            Syscalls.readWait(channel);
        } else if (!Syscalls.readWait(channel, idleTimeout)) {
            throw idle(what);
        }
    }

    @Coroutine
    private void awaitWritable() {
        if (idleTimeout == null) {
            Syscalls.writeWait(channel);
        } else if (!Syscalls.writeWait(channel, idleTimeout)) {
            throw idle("send to");
        }
    }

    private UncheckedIOException idle(String what) {
        return failed(what, new SocketTimeoutException("idle for " + idleTimeout.toMillis() + " ms"));
    }

    /** Non-blocking mode, and Nagle's algorithm off. */
    private static void configure(SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    /**
     * Receives what has arrived, up to {@code maxBytes} (and at most 64 KiB), suspending the
     * task until at least one byte is there; Python's {@code sock.recv(maxbytes)}.
     *
     * @param maxBytes the most to return, at least 1
     * @return the bytes received; empty at the end of the stream (the peer closed its side)
     * @throws UncheckedIOException if the connection fails or is closed; it is then closed
     */
    @Coroutine
    public byte[] recv(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("recv needs maxBytes >= 1, not " + maxBytes);
        }
        for (;;) {
            ByteBuffer buf = ReadBuffer.take(maxBytes);
            int n = read(buf);
            if (n > 0) {
                byte[] data = new byte[n];
                buf.flip().get(data);
                Syscalls.checkpoint();
                return data;
            }
            if (n < 0) {
                return END;
            }
            awaitReadable("recv from");
        }
    }

    /**
     * Receives what has arrived into {@code dst}, suspending the task until at least one byte
     * is there (or {@code dst} is full); Python's {@code sock.recv_into(buffer)}.
     *
     * @param dst where the bytes go, from its position up to its limit
     * @return how many bytes were read, or -1 at the end of the stream
     * @throws UncheckedIOException if the connection fails or is closed; it is then closed
     */
    @Coroutine
    public int recvInto(ByteBuffer dst) {
        if (!dst.hasRemaining()) {
            return 0;
        }
        for (;;) {
            int n = read(dst);
            if (n != 0) {
                if (n > 0) {
                    Syscalls.checkpoint();
                }
                return n;
            }
            awaitReadable("recv from");
        }
    }

    /**
     * Sends all of {@code data}, suspending the task whenever the socket cannot take more;
     * Python's {@code sock.sendall(data)}.
     *
     * @param data the bytes
     * @throws UncheckedIOException if the connection fails (the peer reset it or went away)
     *                              or is closed; it is then closed
     */
    @Coroutine
    public void sendAll(byte[] data) {
        sendAll(ByteBuffer.wrap(data));
    }

    /**
     * Sends {@code length} bytes of {@code data} from {@code offset}, as {@link #sendAll(byte[])}.
     *
     * @param data   the bytes
     * @param offset where to start
     * @param length how many
     */
    @Coroutine
    public void sendAll(byte[] data, int offset, int length) {
        sendAll(ByteBuffer.wrap(data, offset, length));
    }

    /**
     * Sends everything between the position and the limit of {@code src}, as
     * {@link #sendAll(byte[])}; the position ends at the limit.
     *
     * @param src the bytes
     */
    @Coroutine
    public void sendAll(ByteBuffer src) {
        while (src.hasRemaining()) {
            if (write(src) == 0) {
                awaitWritable();
            }
        }
        Syscalls.checkpoint();
    }

    /**
     * Half-closes the connection: the peer reads the end of the stream, and this side can
     * still receive. Never suspends.
     *
     * @throws UncheckedIOException if the connection fails; it is then closed
     */
    public void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            throw failed("shutdown of output to", e);
        }
    }

    /**
     * Closes the connection: takes it off the scheduler's selector (a task still waiting on it
     * gets an {@link UncheckedIOException}) and closes the socket. Never suspends; does nothing
     * the second time.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        OpenChannels.close(channel);
    }

    /** @return whether {@link #close()} has not been called and no failure has closed it */
    public boolean isOpen() {
        return !closed;
    }

    /** @return the peer's address */
    public SocketAddress remoteAddress() {
        return peer;
    }

    /** @return the underlying channel, non-blocking (wait on it with the kernel's calls, close it here) */
    public SocketChannel channel() {
        return channel;
    }

    @Override
    public String toString() {
        return "Connection[" + peer + (closed ? ", closed" : "") + "]";
    }

    private int read(ByteBuffer dst) {
        try {
            return channel.read(dst);
        } catch (IOException e) {
            throw failed("recv from", e);
        }
    }

    private int write(ByteBuffer src) {
        try {
            return channel.write(src);
        } catch (IOException e) {
            throw failed("send to", e);
        }
    }

    /** Closes this connection after {@code e} and says what failed. */
    private UncheckedIOException failed(String what, IOException e) {
        boolean wasClosed = closed;
        close();
        return new UncheckedIOException(what + " " + peer + " failed: "
                + (wasClosed ? "the connection is closed" : message(e)), e);
    }

    static String message(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
