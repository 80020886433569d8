package io.jcoro.benchmarks.net;

import io.jcoro.net.Listener;
import io.jcoro.samples.net.EchoServer2;
import io.jcoro.sched.Scheduler;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;

/** jcoro's echo server: the course's echoserver2 (one task per client) on a scheduler thread. */
public final class JcoroEchoServer implements EchoServer {
    private final Listener listener;
    private final Thread thread;

    private JcoroEchoServer(int clients) {
        listener = Listener.bind(0);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        thread = new Thread(() -> {
            try (Scheduler sched = new Scheduler()) {
                sched.spawn(() -> EchoServer2.serve(quiet, listener, clients));
                sched.run();
            }
        }, "jcoro-echo-server");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @param clients how many clients to serve before it ends
     * @return the running server
     */
    public static JcoroEchoServer start(int clients) {
        return new JcoroEchoServer(clients);
    }

    @Override
    public InetSocketAddress address() {
        return listener.address();
    }

    @Override
    public void awaitEnd() throws InterruptedException {
        thread.join();
    }
}
