package io.jcoro.benchmarks.net;

import java.net.InetSocketAddress;

/** A running echo server under test, that accepts a known number of clients and then ends. */
public interface EchoServer {
    /** @return where it listens */
    InetSocketAddress address();

    /**
     * Waits until it has served all its clients and stopped.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void awaitEnd() throws InterruptedException;
}
