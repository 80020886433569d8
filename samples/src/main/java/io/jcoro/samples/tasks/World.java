package io.jcoro.samples.tasks;

import io.jcoro.flow.Follow;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.ToThread;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

/**
 * Waiting on the world without freezing the scheduler: a task awaits a CompletableFuture that
 * another thread completes, another runs blocking calls (a DNS lookup, a file read) on a thread
 * pool, a third follows a log with tail -F while a writer task appends to it and rotates it; a
 * ticker counts its turns all along, which it could not if any of them blocked the thread.
 */
public final class World {
    private World() {
    }

    /** @param args nothing */
    public static void run(PrintStream out, String... args) throws IOException {
        Path dir = Files.createTempDirectory("jcoro-world");
        Path log = Files.writeString(dir.resolve("app.log"), "");
        boolean[] done = {false, false, false};
        int[] ticks = {0};
        Scheduler sched = new Scheduler();
        sched.spawn(() -> {
            CompletableFuture<Long> sum = CompletableFuture.supplyAsync(() -> {
                sleep(50);                                          // another thread works a while
                return LongStream.rangeClosed(1, 1_000_000).sum();
            });
            out.println("await: the other thread's sum is " + Syscalls.await(sum));
            done[0] = true;
        });
        sched.spawn(() -> {
            InetAddress local = ToThread.run(() -> InetAddress.getByName("localhost"));   // DNS blocks
            out.println("to_thread: localhost is a loopback address: " + local.isLoopbackAddress());
            String text = ToThread.run(() -> {
                Thread.sleep(30);                                   // a slow disk
                return Files.readString(log);
            });
            out.println("to_thread: read " + text.length() + " chars");
            done[1] = true;
        });
        sched.spawn(() -> {
            Follow.follow(log).byName().pollEvery(Duration.ofMillis(5)).until(() -> done[2])
                    .sendTo(line -> out.println("tail -F: " + line));
        });
        sched.spawn(() -> {
            for (int i = 1; i <= 4; i++) {
                Syscalls.sleep(15);
                if (i == 3) {
                    move(log, dir.resolve("app.log.1"));            // rotate; the next line starts a new file
                }
                append(log, "request " + i);
            }
            Syscalls.sleep(20);
            done[2] = true;
        });
        sched.spawn(() -> {
            while (!(done[0] && done[1] && done[2])) {
                ticks[0]++;
                Syscalls.sleep(1);
            }
        });
        sched.run();
        out.println("ticker: the scheduler kept running all along (" + (ticks[0] > 20 ? "many" : "few") + " turns)");
        for (Path p : new Path[] {dir.resolve("app.log.1"), log, dir}) {
            Files.deleteIfExists(p);
        }
    }

    private static void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.APPEND, StandardOpenOption.CREATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws IOException {
        run(System.out, args);
    }
}
