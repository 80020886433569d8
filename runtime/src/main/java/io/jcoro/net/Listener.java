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
 *
 * <h2>Faults</h2>
 * {@code accept} survives what a busy server meets, so that one accept loop serves for ever:
 * <ul>
 *   <li>Out of descriptors ({@code EMFILE}, {@code ENFILE}) or of kernel memory
 *       ({@code ENOBUFS}, {@code ENOMEM}): the connection stays in the backlog. {@code accept}
 *       prints one line on {@code System.err} (at most once a minute: a logging framework
 *       might itself need a descriptor to log), sleeps, doubling the pause from 10 ms up to
 *       1 s, and tries again, while the other tasks go on serving the connections they hold;
 *       once a descriptor is free it accepts again. Without the pause the listener would stay
 *       readable and the task would spin.
 *   <li>A client that resets its connection before it is accepted, or whose socket cannot be
 *       set up, is dropped (closed), and {@code accept} waits for the next one.
 * </ul>
 * Any other failure throws; the listener stays open.
 */
public final class Listener implements AutoCloseable {
    /** The backlog {@link #bind(int)} asks for: enough for a thousand clients connecting at once. */
    public static final int DEFAULT_BACKLOG = 1024;

    /** The first pause after running out of descriptors, and the longest. */
    private static final long FIRST_BACKOFF_MILLIS = 10;
    private static final long MAX_BACKOFF_MILLIS = 1000;
    /** A shortage is logged at most this often, however often it comes and goes. */
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    private final ServerSocketChannel channel;
    private final InetSocketAddress address;
    private boolean closed;
    /** Accepts that failed for want of descriptors (or memory), in all. */
    private long starvedAccepts;
    /** When the last shortage warning was logged; valid once {@link #starvedAccepts} > 0. */
    private long lastWarning;

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
        long backoff = FIRST_BACKOFF_MILLIS;
        for (;;) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (IOException e) {
                if (!closed && isClientGone(e)) {
                    continue;
                }
                if (closed || !isShortage(e)) {
                    throw new UncheckedIOException("accept on " + address + " failed: "
                            + (closed ? "the listener is closed" : Connection.message(e)), e);
                }
                long now = System.nanoTime();
                if (starvedAccepts++ == 0 || now - lastWarning > WARN_EVERY_NANOS) {
                    lastWarning = now;
                    // Straight to System.err: a logging framework may need a descriptor to log
                    // (java.util.logging opens tzdb.dat to format the time), and there is none.
                    System.err.println("[jcoro] accept on " + address + " failed: " + Connection.message(e)
                            + "; backing off and retrying while the open connections are served (said at most"
                            + " once a minute; " + starvedAccepts + " failed accepts so far)");
                }
                Syscalls.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                continue;
            }
            if (client == null) {
                Syscalls.readWait(channel);
                continue;
            }
            Connection c;
            try {
                c = Connection.wrap(client);
            } catch (UncheckedIOException clientGone) {
                continue; // reset before it could be set up: wrap() closed it; the next one
            }
            Syscalls.checkpoint();
            return c;
        }
    }

    /**
     * Whether a failed {@code accept} ran out of something that comes back: descriptors
     * ({@code EMFILE}, {@code ENFILE}) or kernel memory ({@code ENOBUFS}, {@code ENOMEM}). The
     * connection is still in the backlog; back off and accept again. For servers written on raw
     * channels, as {@link #accept()} does it.
     *
     * @param e what {@link ServerSocketChannel#accept()} threw
     * @return whether to back off and retry
     */
    public static boolean isShortage(IOException e) {
        String m = e.getMessage();
        return m != null && (m.contains("Too many open files")     // EMFILE, and ENFILE: "... in system"
                || m.contains("No buffer space available")          // ENOBUFS
                || m.contains("Cannot allocate memory"));           // ENOMEM
    }

    /** @return whether {@code e} from {@code accept} is a client that went away before it was accepted */
    private static boolean isClientGone(IOException e) {
        String m = e.getMessage();
        return m != null && (m.contains("Software caused connection abort") || m.contains("Connection reset"));
    }

    /** @return how many accepts have failed for want of descriptors (or memory), in all */
    public long starvedAccepts() {
        return starvedAccepts;
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
