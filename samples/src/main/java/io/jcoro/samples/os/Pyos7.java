package io.jcoro.samples.os;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.sched.ReadWait;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.WriteWait;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.nio.charset.StandardCharsets;

/**
 * pyos7.py: waiting for I/O. {@link ReadWait} and {@link WriteWait} park a task until its
 * channel is ready; the scheduler polls its selector between rounds, and blocks in it when no
 * task is ready. Two tasks talk through two pipes (the echo servers use the same calls on
 * sockets).
 */
public final class Pyos7 {
    private Pyos7() {
    }

    @Coroutine
    static void pinger(PrintStream out, Pipe.SinkChannel to, Pipe.SourceChannel from) {
        ByteBuffer buf = ByteBuffer.allocate(100);
        try {
            for (int i = 1; i <= 3; i++) {
                Co.yield(new WriteWait(to));
                to.write(ascii("ping " + i));
                Co.yield(new ReadWait(from));
                buf.clear();
                from.read(buf);
                out.println("pinger got " + text(buf));
            }
            to.close(); // the ponger reads the end of the stream
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Coroutine
    static void ponger(PrintStream out, Pipe.SourceChannel from, Pipe.SinkChannel to) {
        ByteBuffer buf = ByteBuffer.allocate(100);
        try {
            while (true) {
                Co.yield(new ReadWait(from));
                buf.clear();
                if (from.read(buf) < 0) {
                    break;
                }
                String msg = text(buf);
                out.println("ponger got " + msg);
                Co.yield(new WriteWait(to));
                to.write(ascii(msg.replace("ping", "pong")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("ponger: end of stream");
    }

    // Messages are short and strictly alternate, so a pipe read returns exactly one message.
    static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    static String text(ByteBuffer buf) {
        return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
    }

    public static void run(PrintStream out, String... args) throws IOException {
        Pipe there = Pipe.open();
        Pipe back = Pipe.open();
        try (Scheduler sched = new Scheduler().onExit(t -> out.println("Task " + t.id() + " terminated"));
             Pipe.SinkChannel thereSink = there.sink(); Pipe.SourceChannel thereSource = there.source();
             Pipe.SinkChannel backSink = back.sink(); Pipe.SourceChannel backSource = back.source()) {
            for (SelectableChannel ch : new SelectableChannel[] {thereSink, thereSource, backSink, backSource}) {
                ch.configureBlocking(false);
            }
            sched.spawn(() -> pinger(out, thereSink, backSource));
            sched.spawn(() -> ponger(out, thereSource, backSink));
            sched.run();
        }
    }

    public static void main(String[] args) throws IOException {
        run(System.out, args);
    }
}
