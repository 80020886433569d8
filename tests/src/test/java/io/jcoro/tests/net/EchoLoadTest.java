package io.jcoro.tests.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Coroutine;
import io.jcoro.net.Connection;
import io.jcoro.net.Listener;
import io.jcoro.net.OpenChannels;
import io.jcoro.samples.net.EchoLoad;
import io.jcoro.samples.net.EchoServer2;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Loopback load: a thousand concurrent clients against the echo server of echoserver2, each
 * streaming a checksummed random payload of random size in random chunks while a second task
 * reads the echo on the same connection. One client in eight resets its connection part way.
 * Every byte must come back exactly, and afterwards no channel or socket may be left open.
 * The clients are tasks of one scheduler on the test thread; the server runs on another.
 */
@Timeout(180)
class EchoLoadTest {
    static final int CLIENTS = 1000;
    static final int MAX_SIZE = 96 * 1024;

    /** What one client saw. */
    static final class Outcome {
        long sent;
        long sentCrc;
        long received = -1;
        long receivedCrc;
        boolean abrupt;
    }

    @Coroutine
    static Outcome client(InetSocketAddress server, int index) {
        SplittableRandom random = new SplittableRandom(1000L + index);
        Outcome o = new Outcome();
        int size = random.nextInt(MAX_SIZE + 1);
        o.abrupt = index % 8 == 5;
        int stopAt = o.abrupt ? random.nextInt(size + 1) : size;
        Connection c = Connection.connect(server);
        int reader = Syscalls.newTaskReturning(() -> readEcho(c));
        CRC32 crc = new CRC32();
        while (o.sent < stopAt) {
            byte[] chunk = new byte[(int) Math.min(1 + random.nextInt(16 * 1024), stopAt - o.sent)];
            random.nextBytes(chunk);
            crc.update(chunk);
            c.sendAll(chunk);
            o.sent += chunk.length;
        }
        o.sentCrc = crc.getValue();
        if (o.abrupt) {
            ConnectionTest.reset(c);                    // the reader gets an error, the server a reset
            Syscalls.waitTask(reader);
            return o;
        }
        c.shutdownOutput();
        long[] echo = Syscalls.waitTask(reader).result(long[].class);
        o.received = echo[0];
        o.receivedCrc = echo[1];
        c.close();
        return o;
    }

    /** @return {bytes, crc} of the echo, read until the server ends it; null if the connection was reset */
    @Coroutine
    static long[] readEcho(Connection c) {
        CRC32 crc = new CRC32();
        long n = 0;
        try {
            for (byte[] data; (data = c.recv(65536)).length > 0; ) {
                crc.update(data);
                n += data.length;
            }
        } catch (UncheckedIOException closedByTheWriter) {
            return null;
        }
        return new long[] {n, crc.getValue()};
    }

    static int count(String log, String what) {
        int n = 0;
        for (int i = log.indexOf(what); i >= 0; i = log.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aThousandConcurrentClientsGetEveryByteBackAndNothingLeaks() throws Exception {
        int openBefore = OpenChannels.count();
        long socketsBefore = SocketFds.count();

        Listener listener = Listener.bind(0);
        ByteArrayOutputStream serverLog = new ByteArrayOutputStream();
        PrintStream serverOut = new PrintStream(serverLog, true, StandardCharsets.UTF_8);
        List<Task> serverFailures = new ArrayList<>();
        Thread server = new Thread(() -> {
            try (Scheduler s = new Scheduler().onFailure(serverFailures::add)) {
                s.spawn(() -> EchoServer2.serve(serverOut, listener, CLIENTS));
                s.run();
            }
        }, "echo-server");
        server.start();

        List<Task> clientFailures = new ArrayList<>();
        List<Task> clients = new ArrayList<>();
        try (Scheduler sched = new Scheduler().onFailure(clientFailures::add)) {
            for (int i = 0; i < CLIENTS; i++) {
                int index = i;
                clients.add(sched.spawnReturning(() -> client(listener.address(), index)));
            }
            sched.run();
        }
        server.join(120_000);
        assertFalse(server.isAlive(), "the server has served every client and ended");

        assertTrue(clientFailures.isEmpty(), () -> "client failures: " + clientFailures);
        assertTrue(serverFailures.isEmpty(), () -> "server failures: " + serverFailures);
        int normal = 0;
        long bytes = 0;
        for (Task t : clients) {
            Outcome o = t.result(Outcome.class);
            if (!o.abrupt) {
                normal++;
                bytes += o.sent;
                assertEquals(o.sent, o.received, "bytes echoed to client " + t.id());
                assertEquals(o.sentCrc, o.receivedCrc, "checksum of the echo to client " + t.id());
            }
        }
        assertTrue(bytes > 20L * 1024 * 1024, "a real load: " + bytes + " bytes");
        String log = serverLog.toString(StandardCharsets.UTF_8);
        assertEquals(CLIENTS, count(log, "Connection from"));
        assertEquals(CLIENTS, count(log, "Client closed") + count(log, "Client lost"));
        assertTrue(count(log, "Client closed") >= normal, log);

        assertEquals(openBefore, OpenChannels.count(), "channels left open");
        if (SocketFds.available()) {
            assertEquals(socketsBefore, SocketFds.count(), "socket descriptors left open");
        }
    }

    @Test
    void theLoadGeneratorMeasuresAnEchoServer() throws Exception {
        int openBefore = OpenChannels.count();
        Listener listener = Listener.bind(0);
        Thread server = new Thread(() -> {
            try (Scheduler s = new Scheduler()) {
                s.spawn(() -> EchoServer2.serve(new PrintStream(java.io.OutputStream.nullOutputStream()), listener, 20));
                s.run();
            }
        }, "echo-server");
        server.start();
        EchoLoad.Result r = EchoLoad.measure(listener.address(), 20, 10, 2000);
        server.join(60_000);
        assertEquals(200, r.latencies().length);
        assertEquals(20L * 10 * 2000, r.bytes());
        assertTrue(r.latencyMicros(50) <= r.latencyMicros(99) && r.latencyMicros(99) <= r.latencyMicros(100));
        assertTrue(r.megabytesPerSecond() > 0 && r.requestsPerSecond() > 0);
        assertTrue(r.summary().startsWith("20 clients x 10 requests x 2000 bytes: "), r.summary());
        assertEquals(openBefore, OpenChannels.count());
    }
}
