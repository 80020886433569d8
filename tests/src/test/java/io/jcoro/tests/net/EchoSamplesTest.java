package io.jcoro.tests.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.net.OpenChannels;
import io.jcoro.samples.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The course's servers, run as samples on a free port with real (blocking) clients on the
 * test thread. Two clients are connected at once and served in reverse order, which only a
 * concurrent server survives.
 */
@Timeout(60)
class EchoSamplesTest {
    /** A sample running on its own thread, printing into a buffer. */
    static final class Running {
        final Thread thread;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Running(String sample, String... args) {
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            thread = new Thread(() -> {
                try {
                    Samples.named(sample).run(out, args);
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, sample);
            thread.start();
        }

        String finish() throws InterruptedException {
            thread.join(30_000);
            assertFalse(thread.isAlive(), thread.getName() + " ended");
            if (failure.get() != null) {
                throw new AssertionError(thread.getName() + " failed", failure.get());
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Connects, retrying while the server is still starting (a hang guard, not a timing assumption). */
    static Socket connect(int port) throws Exception {
        long giveUp = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                s.setSoTimeout(20_000);
                return s;
            } catch (ConnectException notYet) {
                if (System.nanoTime() > giveUp) {
                    throw notYet;
                }
                Thread.sleep(10);
            }
        }
    }

    static String readFully(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        return new String(b, StandardCharsets.UTF_8);
    }

    static String echo(Socket s, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(b);
        return readFully(s.getInputStream(), b.length);
    }

    static int count(String log, String what) {
        int n = 0;
        for (int i = log.indexOf(what); i >= 0; i = log.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** Two clients at once, answered in reverse order, then closed. */
    static void twoConcurrentClients(int port) throws Exception {
        try (Socket a = connect(port); Socket b = connect(port)) {
            assertEquals("second says hi\n", echo(b, "second says hi\n"));
            assertEquals("first says hi\n", echo(a, "first says hi\n"));
            assertEquals("x".repeat(100_000), echo(a, "x".repeat(100_000)));
        }
    }

    @Test
    void echobadFreezesEveryTaskBehindItsBlockingAccept() throws Exception {
        Running r = new Running("echobad", String.valueOf(freePort()), "0.3");
        String out = r.finish();
        assertEquals(1, count(out, "I'm alive!"), out);
        assertTrue(out.contains("Server starting\n"), out);
        assertTrue(out.contains("(after 0.3 s the tasks are still frozen behind the blocking accept(); stopping)"), out);
    }

    @Test
    void echogoodServesClientsWhileTheAliveTaskRuns() throws Exception {
        int port = freePort();
        Running r = new Running("echogood", String.valueOf(port), "2");
        twoConcurrentClients(port);
        String out = r.finish();
        assertTrue(out.startsWith("I'm alive!\nServer starting\n"), out.substring(0, Math.min(200, out.length())));
        assertEquals(2, count(out, "Connection from /127.0.0.1:"));
        assertEquals(2, count(out, "Client closed"));
        assertTrue(count(out, "I'm alive!") > 1);
    }

    @Test
    void echogood2() throws Exception {
        assertEchoServer("echogood2");
    }

    @Test
    void echoserverCallsItsLibraryFunctionsWithoutATrampoline() throws Exception {
        assertEchoServer("echoserver");
    }

    @Test
    void echoserver2RunsOnTheSocketWrapper() throws Exception {
        int openBefore = OpenChannels.count();
        assertEchoServer("echoserver2");
        assertEquals(openBefore, OpenChannels.count());
    }

    @Test
    void echoserver2ServesOnTwoThreads() throws Exception {
        int openBefore = OpenChannels.count();
        int port = freePort();
        Running r = new Running("echoserver2", "--threads", "2", String.valueOf(port), "2");
        twoConcurrentClients(port);
        String out = r.finish();
        assertTrue(out.startsWith("Server starting\n"), out);
        assertEquals(2, count(out, "Connection from /127.0.0.1:"), out);
        assertEquals(2, count(out, "Client closed"), out);
        assertEquals(openBefore, OpenChannels.count());
    }

    void assertEchoServer(String sample) throws Exception {
        int port = freePort();
        Running r = new Running(sample, String.valueOf(port), "2");
        twoConcurrentClients(port);
        String out = r.finish();
        assertTrue(out.startsWith("Server starting\n"), out);
        assertEquals(2, count(out, "Connection from /127.0.0.1:"), out);
        assertEquals(2, count(out, "Client closed"), out);
    }

    static String ask(Socket s, String request) throws IOException {
        s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void helloserverAnswersEachRequestInChunksFromItsWriterCoroutine() throws Exception {
        int port = freePort();
        Running r = new Running("helloserver", String.valueOf(port), "2");
        String longer = "jcoro ".repeat(60);
        try (Socket a = connect(port); Socket b = connect(port)) {
            a.getOutputStream().write("wor".getBytes(StandardCharsets.UTF_8)); // a request in two pieces
            assertEquals("Hello " + longer, ask(b, longer + "\n\n"));
            assertEquals("Hello world", ask(a, "ld\n\n"));
        }
        String out = r.finish();
        assertTrue(out.startsWith("Server is running at /127.0.0.1:" + port + "\n"), out);
        assertEquals(2, count(out, "Accept the connection from /127.0.0.1:"), out);
    }
}
