package io.jcoro.tests.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.bridge.PipeReader;
import io.jcoro.bridge.PipeWriter;
import io.jcoro.sched.Cancelled;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pumps under {@code Subprocess} and {@code StandardInput}, over streams the test controls:
 * exactly bounded read-ahead, failures carried to the task after the bytes before them, every
 * byte written before the stream closes, a cancelled send that leaves a written prefix, and a
 * killed reader that takes nothing. Ordered by events (a byte count reached), not clocks.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PipeStreamsTest {
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);

    void runClean() {
        sched.run();
        assertTrue(failed.isEmpty(), () -> "failed tasks: " + failed.stream().map(Task::failure).toList());
    }

    /** An endless stream of bytes {@code i % 251}, 100 at a time, counting what it hands out. */
    static final class Counting extends InputStream {
        final AtomicLong given = new AtomicLong();

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, 100);
            long start = given.get();
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((start + i) % 251);
            }
            given.addAndGet(n);
            return n;
        }
    }

    /** A stream fed by the test: each array is one read's worth, an empty one is the end. */
    static class Fed extends InputStream {
        final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

        void feed(String s) {
            chunks.add(s.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            byte[] c;
            try {
                c = chunks.take();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            if (c.length == 0) {
                return -1;
            }
            System.arraycopy(c, 0, b, off, c.length); // the tests feed less than a read asks
            return c.length;
        }
    }

    @Test
    void thePumpReadsAheadExactlyTheBufferAndOnlyAsTasksTakeFromIt() {
        Counting in = new Counting();
        PipeReader r = PipeReader.start("counter", in, 1000);
        sched.spawn(() -> {
            while (r.buffered() < 1000) {
                Syscalls.sleep(1);
            }
            log.add("given " + in.given.get());
            Syscalls.sleep(20);                             // a full buffer: the pump reads no more
            log.add("still " + in.given.get());
            byte[] first = r.recv(300);
            while (r.buffered() < 1000) {
                Syscalls.sleep(1);
            }
            log.add("took " + first.length + ", given " + in.given.get());
            byte[] next = r.recv(5000);
            boolean inOrder = next.length == 1000;
            for (int i = 0; i < first.length; i++) {
                inOrder &= first[i] == (byte) (i % 251);
            }
            for (int i = 0; i < next.length; i++) {
                inOrder &= next[i] == (byte) ((300 + i) % 251);
            }
            log.add("in order " + inOrder);
            r.close();
        });
        runClean();
        assertEquals(List.of("given 1000", "still 1000", "took 300, given 1300", "in order true"), log);
    }

    @Test
    void aFailureComesAfterTheBytesReadBeforeItAndStays() {
        Fed in = new Fed() {
            int reads;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (++reads == 3) {
                    throw new IOException("device gone");
                }
                return super.read(b, off, len);
            }
        };
        in.feed("abc\n");
        in.feed("de");
        PipeReader r = PipeReader.start("dev", in, 64);
        sched.spawn(() -> {
            log.add(r.readLine());
            log.add(r.readLine());                          // the unterminated rest, before the failure
            for (int i = 0; i < 2; i++) {
                try {
                    r.recv(10);
                } catch (UncheckedIOException e) {
                    log.add(e.getMessage() + " / " + e.getCause().getMessage());
                }
            }
            log.add("at end " + r.isAtEnd());
        });
        runClean();
        assertEquals(List.of("abc", "de", "read from dev failed: device gone / device gone",
                "read from dev failed: device gone / device gone", "at end true"), log);
    }

    @Test
    void aKilledOrCancelledReaderTakesNothing() {
        Fed in = new Fed();
        PipeReader r = PipeReader.start("fed", in, 64);
        Task a = sched.spawn(() -> log.add("a got " + r.readLine()));
        Task b = sched.spawn(() -> log.add("b got " + r.recv(10).length));
        sched.spawn(() -> {
            Syscalls.sleep(0);                              // both readers wait now
            Syscalls.cancelTask(b.id());
            in.feed("ha");
            while (r.buffered() < 2) {
                Syscalls.sleep(1);
            }
            Syscalls.killTask(a.id());                      // it had seen "ha", with no newline yet
            in.feed("lf\nrest");
            in.feed("");
            log.add("c got " + r.readLine() + ", then " + r.readLine() + ", then " + r.readLine());
        });
        runClean();
        assertEquals(List.of("c got half, then rest, then null"), log);
        assertTrue(b.isCancelled());
    }

    @Test
    void everyByteSentIsWrittenBeforeTheStreamClosesWhileOtherTasksRun() throws Exception {
        byte[] data = new byte[1 << 20];
        new Random(2).nextBytes(data);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        AtomicLong flushes = new AtomicLong();
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                throw new UnsupportedOperationException();
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                got.write(b, off, len);
            }

            @Override
            public void flush() {
                flushes.incrementAndGet();
            }

            @Override
            public void close() {
                closed.complete(null);
            }
        };
        PipeWriter w = PipeWriter.start("sink", sink, 1000);
        int[] ticks = {0};
        sched.spawn(() -> {
            w.sendAll(data);
            w.close();
            Syscalls.await(closed);
            log.add("sent " + w.sent());
        });
        sched.spawn(() -> {
            while (!closed.isDone()) {
                ticks[0]++;
                Syscalls.sleep(0);
            }
        });
        runClean();
        assertEquals(List.of("sent " + data.length), log);
        assertArrayEquals(data, got.toByteArray());
        assertTrue(flushes.get() >= 1, "flushed");
        assertTrue(ticks[0] > 0);
    }

    @Test
    void aCancelledSendLeavesAWrittenPrefixAndAFailedOneSaysSo() {
        CountDownLatch gate = new CountDownLatch(1);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        OutputStream gated = new OutputStream() {
            @Override
            public void write(int b) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    gate.await(30, TimeUnit.SECONDS);       // a child that does not read yet
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                if (got.size() + len > 2500) {
                    throw new IOException("disk full");
                }
                got.write(b, off, len);
            }

            @Override
            public void close() {
                closed.complete(null);
            }
        };
        PipeWriter w = PipeWriter.start("gated", gated, 1000);
        byte[] data = new byte[10_000];
        new Random(3).nextBytes(data);
        Task sender = sched.spawn(() -> {
            try {
                w.sendAll(data);
            } catch (Cancelled c) {
                log.add("cancelled");
                throw c;
            }
        });
        sched.spawn(() -> {
            while (w.sent() < 2000) {                       // 1000 in the thread's hands, 1000 buffered:
                Syscalls.sleep(1);                          // the sender waits for room
            }
            Syscalls.cancelTask(sender.id());
            log.add("handed over " + w.sent());
            gate.countDown();
            try {
                w.sendAll(data);                            // the disk is full after 2500 bytes
                w.sendAll(data);
                log.add("no failure?");
            } catch (UncheckedIOException e) {
                log.add(e.getMessage());
            }
            Syscalls.await(closed);
            log.add("wrote the prefix " + Arrays.equals(got.toByteArray(), Arrays.copyOf(data, 2000)));
        });
        runClean();
        assertEquals(List.of("cancelled", "handed over 2000", "send to gated failed: disk full",
                "wrote the prefix true"), log);
        assertTrue(sender.isCancelled());
    }
}
