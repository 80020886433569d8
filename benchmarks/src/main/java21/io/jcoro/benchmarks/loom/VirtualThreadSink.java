package io.jcoro.benchmarks.loom;

import java.util.function.Consumer;

/**
 * A push consumer as a virtual thread: {@link #send(Object)} hands the item over with a
 * {@link Baton} and waits until the sink's thread is back in {@link #receive()}, so a send is
 * synchronous, as a coroutine's is. The thread is started and primed by the constructor.
 */
public final class VirtualThreadSink {
    private final Thread thread;
    private final Baton baton;
    private Thread sender;
    private Object item;

    /** @param body loops on {@link #receive()} of the sink it is given; never returns */
    public VirtualThreadSink(Consumer<VirtualThreadSink> body) {
        sender = Thread.currentThread();
        thread = Thread.ofVirtual().unstarted(() -> body.accept(this));
        baton = new Baton(thread);
        thread.start();
        baton.await(sender);
    }

    /**
     * From the body: gives the turn back to the sender and waits for the next item.
     *
     * @return the item
     */
    public Object receive() {
        baton.passTo(sender);
        baton.await(thread);
        return item;
    }

    /**
     * Hands one item to the sink and waits until it has dealt with it.
     *
     * @param x the item
     */
    public void send(Object x) {
        Thread me = Thread.currentThread();
        if (sender != me) {
            sender = me;
        }
        item = x;
        baton.passTo(thread);
        baton.await(me);
    }
}
