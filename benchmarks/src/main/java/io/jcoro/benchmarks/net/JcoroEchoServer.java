package io.jcoro.benchmarks.net;

import io.jcoro.net.Listener;
import io.jcoro.samples.net.EchoServer2;
import java.net.InetSocketAddress;

/** jcoro's echo server: the course's echoserver2 (one task per client) on a scheduler thread. */
public final class JcoroEchoServer implements EchoServer {
    private final Listener listener;
    private final Thread thread;

    private JcoroEchoServer(int clients) {
        listener = Listener.bind(0);
        thread = EchoServer2.startQuietly(listener, clients);
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
