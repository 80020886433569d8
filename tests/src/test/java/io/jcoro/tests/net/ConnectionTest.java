package io.jcoro.tests.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.net.Connection;
import io.jcoro.net.Listener;
import io.jcoro.net.OpenChannels;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Listener and Connection, with client and server as tasks of one scheduler: data arrives
 * exactly, and every way a peer can go away gives the task a clear end-of-stream or error,
 * closes the connection and leaves no channel or descriptor behind.
 */
@Timeout(60)
class ConnectionTest {
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);
    int openBefore;
    long socketsBefore;

    /**
     * The JDK opens some sockets of its own on first use of the network (and keeps them); let
     * that happen before the counting starts, so the first test counts only its own.
     */
    @BeforeAll
    static void warmUpTheNetworkStack() {
        Scheduler warmUp = new Scheduler();
        Listener listener = Listener.bind(0);
        warmUp.spawn(() -> {
            Connection c = Connection.connect(listener.address());
            c.close();
        });
        warmUp.spawn(() -> {
            listener.accept().close();
            listener.close();
        });
        warmUp.run();
        warmUp.close();
    }

    @BeforeEach
    void countBefore() {
        openBefore = OpenChannels.count();
        socketsBefore = SocketFds.count();
    }

    @AfterEach
    void nothingLeaks() {
        sched.close();
        assertEquals(openBefore, OpenChannels.count(), "channels opened through io.jcoro.net and not closed");
        if (SocketFds.available()) {
            assertEquals(socketsBefore, SocketFds.count(), "socket descriptors left open");
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Coroutine
    static void echoOnce(Listener listener, List<String> log) {
        try (listener; Connection c = listener.accept()) {
            byte[] data;
            while ((data = c.recv(65536)).length > 0) {
                c.sendAll(data);
            }
            log.add("server: end of stream");
        }
    }

    @Test
    void dataGoesBothWaysAndTheEndOfTheStreamIsAnEmptyRecv() {
        Listener listener = Listener.bind(0);
        sched.spawn(() -> echoOnce(listener, log));
        sched.spawn(() -> {
            try (Connection c = Connection.connect(listener.address())) {
                c.sendAll(bytes("hello"));
                log.add("client: " + text(c.recv(100)));
                c.shutdownOutput();                        // half-close: the server sees the end
                log.add("client: after half-close " + c.recv(100).length);
            }
        });
        sched.run();
        assertEquals(List.of("client: hello", "server: end of stream", "client: after half-close 0"), log);
        assertTrue(failed.isEmpty(), () -> failed.toString());
    }

    @Test
    void aHalfClosedPeerStillGetsEverythingBack() {
        Listener listener = Listener.bind(0);
        byte[] payload = new byte[3_000_000];
        new Random(1).nextBytes(payload);
        sched.spawn(() -> echoOnce(listener, log));
        Task client = sched.spawnReturning(() -> {
            try (Connection c = Connection.connect(listener.address())) {
                // a second task reads while this one writes, on the same connection
                int reader = Syscalls.newTaskReturning(() -> {
                    ByteBuffer got = ByteBuffer.allocate(payload.length + 1);
                    while (c.recvInto(got) >= 0) {
                        Co.yield(null);
                    }
                    return got.flip();
                });
                for (int off = 0; off < payload.length; off += 100_000) {
                    c.sendAll(payload, off, Math.min(100_000, payload.length - off));
                }
                c.shutdownOutput();
                ByteBuffer got = Syscalls.waitTask(reader).result(ByteBuffer.class);
                byte[] echoed = new byte[got.remaining()];
                got.get(echoed);
                return echoed;
            }
        });
        sched.run();
        assertTrue(failed.isEmpty(), () -> failed.toString());
        assertArrayEquals(payload, client.result(byte[].class));
    }

    @Test
    void aResetIsAClearErrorAndClosesTheConnection() {
        Listener listener = Listener.bind(0);
        Task server = sched.spawnReturning(() -> {
            try (listener) {
                Connection c = listener.accept();
                c.sendAll(c.recv(1));
                try {
                    c.recv(100);
                    log.add("server: no error");
                } catch (UncheckedIOException e) {
                    log.add("server: open after error: " + c.isOpen());
                    return e;
                }
                return null;
            }
        });
        sched.spawn(() -> {
            Connection c = Connection.connect(listener.address());
            c.sendAll(bytes("x"));
            c.recv(1);
            reset(c);
        });
        sched.run();
        assertEquals(List.of("server: open after error: false"), log);
        UncheckedIOException e = server.result(UncheckedIOException.class);
        assertTrue(e.getMessage().startsWith("recv from /127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains(" failed: Connection reset"), e.getMessage());
    }

    /** Closes with SO_LINGER 0: the peer gets a reset instead of an orderly end. */
    static void reset(Connection c) {
        try {
            c.channel().setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        c.close();
    }

    @Test
    void aPeerGoneMidWriteIsAClearErrorAndClosesTheConnection() {
        Listener listener = Listener.bind(0);
        Task server = sched.spawnReturning(() -> {
            try (listener) {
                Connection c = listener.accept();
                try {
                    c.sendAll(new byte[64 << 20]);         // far more than the socket buffers hold
                    log.add("server: sent it all");
                } catch (UncheckedIOException e) {
                    log.add("server: open after error: " + c.isOpen());
                    return e;
                }
                return null;
            }
        });
        sched.spawn(() -> {
            Connection c = Connection.connect(listener.address());
            c.recv(1000);
            reset(c);
        });
        sched.run();
        assertEquals(List.of("server: open after error: false"), log);
        UncheckedIOException e = server.result(UncheckedIOException.class);
        assertTrue(e.getMessage().startsWith("send to /127.0.0.1:"), e.getMessage());
    }

    @Test
    void closingAConnectionWakesATaskWaitingOnItWithAnError() {
        Listener listener = Listener.bind(0);
        sched.spawn(() -> {
            try (listener; Connection c = listener.accept()) {
                c.recv(1); // until the client closes
            }
        });
        Task reader = sched.spawn(() -> {
            Connection c = Connection.connect(listener.address());
            int closer = Syscalls.newTask(() -> {
                Co.yield(null);                            // the reader waits in recv now
                c.close();
            });
            try {
                c.recv(100);
            } finally {
                Syscalls.waitTask(closer);
            }
        });
        sched.run();
        UncheckedIOException e = assertInstanceOf(UncheckedIOException.class, reader.failure());
        assertInstanceOf(AsynchronousCloseException.class, e.getCause());
        assertTrue(e.getMessage().contains("another task closed it"), e.getMessage());
        assertEquals(List.of(reader), failed);
    }

    @Test
    void closingAListenerWakesItsAcceptor() {
        Listener listener = Listener.bind(0);
        Task acceptor = sched.spawn(() -> {
            listener.accept();
        });
        sched.spawn(() -> {
            Co.yield(null);
            listener.close();
        });
        sched.run();
        assertInstanceOf(AsynchronousCloseException.class, acceptor.failure().getCause());
        assertFalse(listener.isOpen());
    }

    @Test
    void aRefusedConnectionIsAClearError() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        Task client = sched.spawn(() -> {
            Connection.connect(nobody);
        });
        sched.run();
        UncheckedIOException e = assertInstanceOf(UncheckedIOException.class, client.failure());
        assertEquals("connect to " + nobody + " failed: Connection refused", e.getMessage());
    }

    @Test
    void killingATaskInRecvRunsItsCleanUpAndClosesTheConnection() {
        Listener listener = Listener.bind(0);
        List<Connection> accepted = new ArrayList<>();
        Task handler = sched.spawn(() -> {
            try (listener; Connection c = listener.accept()) {
                accepted.add(c);
                c.recv(100);                               // never answered
            }
        });
        sched.spawn(() -> {
            try (Connection c = Connection.connect(listener.address())) {
                while (accepted.isEmpty()) {
                    Co.yield(null);
                }
                Co.yield(null);
                Syscalls.killTask(handler.id());
                log.add("client sees: " + c.recv(100).length);
            }
        });
        sched.run();
        assertEquals(List.of("client sees: 0"), log);
        assertFalse(accepted.get(0).isOpen());
        assertEquals(Task.State.KILLED, handler.state());
    }

    @Test
    void aThousandIdleConnectionsWaitOnOneThread() {
        int n = 1000;
        Listener listener = Listener.bind(0);
        List<Connection> clients = new ArrayList<>();
        Task server = sched.spawn(() -> {
            try (listener) {
                for (int i = 0; i < n; i++) {
                    Connection c = listener.accept();
                    Syscalls.newTask(() -> {
                        try (c) {
                            byte[] data = c.recv(10);           // waits until the client says bye
                            c.sendAll(data);
                        }
                    });
                }
            }
        });
        sched.spawn(() -> {
            for (int i = 0; i < n; i++) {
                clients.add(Connection.connect(listener.address()));
            }
            Syscalls.waitTask(server.id());                // it has accepted them all
            log.add("open while idle: " + (OpenChannels.count() - openBefore));
            for (Connection c : clients) {
                try (c) {
                    c.sendAll(bytes("bye"));
                    if (!text(c.recv(10)).equals("bye")) {
                        throw new AssertionError("wrong echo");
                    }
                }
            }
        });
        sched.run();
        assertTrue(failed.isEmpty(), () -> failed.toString());
        assertEquals(List.of("open while idle: " + (2 * n)), log); // the listener closed after the last accept
    }
}
