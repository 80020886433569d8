package io.jcoro.tests.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.net.Connection;
import io.jcoro.net.Listener;
import io.jcoro.net.OpenChannels;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Idle connections are dropped: a peer that sends nothing, or reads nothing, for the idle
 * timeout gets its connection closed, with a clear error in the task that waited; one that
 * keeps making progress is not. The faults injected: silent clients (slowloris) and a client
 * that never reads, against a task and against the echoserver2 sample.
 */
@Timeout(60)
class IdleTimeoutTest {
    final List<String> log = new ArrayList<>();
    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);

    @Test
    void aSilentPeerIsDroppedWithAClearError() {
        int openBefore = OpenChannels.count();
        Listener listener = Listener.bind(0);
        sched.spawn(() -> {
            try (listener; Connection c = listener.accept().idleTimeout(Duration.ofMillis(50))) {
                c.recv(100);
                log.add("received");
            } catch (UncheckedIOException e) {
                assertInstanceOf(SocketTimeoutException.class, e.getCause());
                log.add(e.getMessage().replaceAll("/127.0.0.1:\\d+", "PEER"));
            }
        });
        sched.spawn(() -> {
            try (Connection silent = Connection.connect(listener.address())) {
                log.add("client reads end of stream: " + (silent.recv(10).length == 0));
            }
        });
        sched.run();
        assertEquals(List.of("recv from PEER failed: idle for 50 ms", "client reads end of stream: true"), log);
        assertTrue(failed.isEmpty(), () -> failed.toString());
        assertEquals(openBefore, OpenChannels.count());
    }

    @Test
    void aPeerThatNeverReadsIsDroppedFromSendAll() {
        Listener listener = Listener.bind(0);
        sched.spawn(() -> {
            try (listener; Connection c = listener.accept().idleTimeout(Duration.ofMillis(50))) {
                while (true) {
                    c.sendAll(new byte[1 << 20]);
                }
            } catch (UncheckedIOException e) {
                log.add(e.getCause().getClass().getSimpleName() + ": " + e.getMessage().contains("send to"));
            }
        });
        sched.spawn(() -> {
            Connection deaf = Connection.connect(listener.address());
            try (deaf) {
                Syscalls.sleep(3_600_000); // never reads; ends when the server is done
            } catch (io.jcoro.sched.Cancelled expected) {
                log.add("client cancelled");
            }
        });
        sched.spawn(() -> {
            while (!log.contains("SocketTimeoutException: true")) {
                Syscalls.sleep(5);
            }
            Syscalls.cancelTask(2);
        });
        sched.run();
        assertEquals(List.of("SocketTimeoutException: true", "client cancelled"), log);
    }

    @Test
    void aPeerThatKeepsSendingIsNotIdle() {
        Listener listener = Listener.bind(0);
        sched.spawn(() -> {
            // generous: the client pauses 5 ms between its 40 messages, the timeout is 2 s
            try (listener; Connection c = listener.accept().idleTimeout(Duration.ofSeconds(2))) {
                int total = 0;
                byte[] data;
                while ((data = c.recv(100)).length > 0) {
                    total += data.length;
                }
                log.add("server received " + total);
            }
        });
        sched.spawn(() -> {
            try (Connection c = Connection.connect(listener.address())) {
                for (int i = 0; i < 40; i++) {
                    c.sendAll(new byte[] {(byte) i});
                    Syscalls.sleep(5);
                }
            }
        });
        sched.run();
        assertEquals(List.of("server received 40"), log);
        assertTrue(failed.isEmpty(), () -> failed.toString());
    }

    @Test
    void echoserver2DropsSilentClientsAndServesTheOthers() throws Exception {
        int port = EchoSamplesTest.freePort();
        // three clients, idle timeout 1 s: two stay silent, one talks
        EchoSamplesTest.Running r = new EchoSamplesTest.Running("echoserver2", String.valueOf(port), "3", "1");
        try (Socket silent1 = EchoSamplesTest.connect(port); Socket silent2 = EchoSamplesTest.connect(port)) {
            try (Socket talker = EchoSamplesTest.connect(port)) {
                assertEquals("hello\n", EchoSamplesTest.echo(talker, "hello\n"));
            }
            assertEquals(-1, silent1.getInputStream().read(), "dropped: end of stream");
            assertEquals(-1, silent2.getInputStream().read(), "dropped: end of stream");
        }
        String out = r.finish();
        assertEquals(2, EchoSamplesTest.count(out, "failed: idle for 1000 ms"), out);
        assertEquals(1, EchoSamplesTest.count(out, "Client closed"), out);
        assertFalse(out.contains("Exception"), out);
    }
}
