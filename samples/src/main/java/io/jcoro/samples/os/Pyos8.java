package io.jcoro.samples.os;

import io.jcoro.core.Coroutine;
import io.jcoro.sched.Kernel;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.nio.channels.WritableByteChannel;

/**
 * pyos8.py: the course teaches its scheduler trampolining, so that library functions such as
 * {@code Send} and {@code Recv} can be sub-coroutines: in Python a {@code yield} only suspends
 * the generator it is written in. jcoro needs no trampoline. {@code send} and {@code recv} below
 * are plain {@code @Coroutine} methods; a task calls them like any function, here two calls
 * deep (through {@code exchange}), and the system calls they make suspend the whole task.
 */
public final class Pyos8 {
    private Pyos8() {
    }

    // ---- library functions: the course's Send and Recv, as ordinary methods --------------

    @Coroutine
    static <C extends SelectableChannel & WritableByteChannel> void send(C channel, String text) {
        ByteBuffer buf = Pyos7.ascii(text);
        while (buf.hasRemaining()) {
            Syscalls.writeWait(channel);
            try {
                channel.write(buf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @return the message, or null at the end of the stream */
    @Coroutine
    static String recv(Pipe.SourceChannel channel) {
        ByteBuffer buf = ByteBuffer.allocate(100);
        Syscalls.readWait(channel);
        try {
            return channel.read(buf) < 0 ? null : Pyos7.text(buf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Coroutine
    static String exchange(Pipe.SinkChannel to, Pipe.SourceChannel from, String message) {
        send(to, message);
        return recv(from);
    }

    // ---- the tasks --------------------------------------------------------------------------

    @Coroutine
    static void pinger(PrintStream out, Pipe.SinkChannel to, Pipe.SourceChannel from) {
        int me = Syscalls.getTid();
        for (int i = 1; i <= 3; i++) {
            out.println("task " + me + " got " + exchange(to, from, "ping " + i));
        }
        Kernel.current().closeChannel(to); // the ponger reads the end of the stream
    }

    @Coroutine
    static void ponger(PrintStream out, Pipe.SourceChannel from, Pipe.SinkChannel to) {
        int me = Syscalls.getTid();
        for (String msg; (msg = recv(from)) != null; ) {
            out.println("task " + me + " got " + msg);
            send(to, msg.replace("ping", "pong"));
        }
        out.println("task " + me + ": end of stream");
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
