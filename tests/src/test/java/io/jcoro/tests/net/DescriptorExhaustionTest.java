package io.jcoro.tests.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.bridge.ChildJvm;
import io.jcoro.samples.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server out of file descriptors keeps serving. The server sample runs in a child JVM started
 * by {@code bash -c 'ulimit -n 256; exec java ...'}; this JVM connects 600 clients to it on
 * loopback, so that the server runs out of descriptors with hundreds of connections still in the
 * listen backlog. Then:
 * <ol>
 *   <li>the connections it holds are served before and while its {@code accept} fails (each
 *       of the first 100 clients does a second round trip, half of them after the server has
 *       said it is out of descriptors);
 *   <li>the clients read their echoes in order and close one by one, which frees descriptors,
 *       and every one of the 600 gets its echo: the server backed off and accepted again;
 *   <li>the server logs the shortage, not once per failed accept, and ends normally once it has
 *       served its 600 clients.
 * </ol>
 */
class DescriptorExhaustionTest {
    static final int CLIENTS = 600;
    static final int DESCRIPTORS = 256;

    @ParameterizedTest
    @ValueSource(strings = {"echoserver2", "echogood2"})
    @Timeout(180)
    void aServerOutOfDescriptorsKeepsServingAndAcceptsAgain(String sample) throws Exception {
        int port = EchoSamplesTest.freePort();
        List<String> java = ChildJvm.command(List.of("-Xmx256m"), Samples.class, sample, String.valueOf(port),
                String.valueOf(CLIENTS)).command();
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -n " + DESCRIPTORS + " && exec \"$@\"", "bash"));
        command.addAll(java);
        Path out = Files.createTempFile("jcoro-" + sample, ".out");
        Path err = Files.createTempFile("jcoro-" + sample, ".err");
        Process server = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                Socket s = EchoSamplesTest.connect(port); // the first retries while the server starts
                s.setSoTimeout(60_000);
                s.getOutputStream().write(message(i, 1));
                clients.add(s);
            }
            // The server holds fewer than 256 of them, and cannot accept the rest for now.
            for (int i = 0; i < 50; i++) {
                Socket s = clients.get(i);
                assertEcho(s, message(i, 1));
                s.getOutputStream().write(message(i, 2));
                assertEcho(s, message(i, 2));
            }
            // Nothing has been closed yet: wait until the server says it is out of descriptors
            // (a hang guard, not a timing assumption: with 600 waiting and 256 allowed, it must).
            long giveUp = System.nanoTime() + 60_000_000_000L;
            while (!(Files.readString(out) + Files.readString(err)).contains("Too many open files")) {
                assertTrue(System.nanoTime() < giveUp, "the server never ran out of descriptors");
                Thread.sleep(20);
            }
            for (int i = 50; i < 100; i++) {
                Socket s = clients.get(i); // and still serves what it holds
                assertEcho(s, message(i, 1));
                s.getOutputStream().write(message(i, 2));
                assertEcho(s, message(i, 2));
            }
            for (int i = 0; i < CLIENTS; i++) {
                Socket s = clients.get(i);
                if (i >= 100) {
                    assertEcho(s, message(i, 1));
                }
                s.close(); // frees one of the server's descriptors
            }
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server ended after serving its clients");
        } finally {
            for (Socket s : clients) {
                s.close();
            }
            server.destroyForcibly();
        }
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        Files.delete(out);
        Files.delete(err);
        String both = "stdout (tail): " + tail(stdout) + "\nstderr: " + tail(stderr);
        assertEquals(0, server.exitValue(), both);
        String said = stdout + stderr;
        int warnings = EchoSamplesTest.count(said, "Too many open files");
        assertTrue(warnings >= 1, "the server ran out of descriptors: " + both);
        assertTrue(warnings <= 3, "and said so once (at most once a minute), not per failed accept: " + both);
        assertEquals(CLIENTS, EchoSamplesTest.count(stdout, "Client closed"), both);
        assertEquals(0, EchoSamplesTest.count(said, "Exception"), both);
    }

    static byte[] message(int client, int round) {
        return ("client " + client + " round " + round + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static void assertEcho(Socket s, byte[] expected) throws IOException {
        InputStream in = s.getInputStream();
        assertEquals(new String(expected, StandardCharsets.UTF_8),
                new String(in.readNBytes(expected.length), StandardCharsets.UTF_8));
    }

    static String tail(String s) {
        return s.length() <= 3000 ? s : "..." + s.substring(s.length() - 3000);
    }
}
