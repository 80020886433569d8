package io.jcoro.benchmarks.loom;

import java.util.NoSuchElementException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A generator as a virtual thread: the body runs on its own virtual thread and hands each value
 * to the consumer with a {@link Baton}. The thread starts on the first {@link #advance()}.
 */
public final class VirtualThreadGenerator {
    /** Ends an abandoned generator's body; preallocated, without a stack trace. */
    private static final RuntimeException ABANDONED = new RuntimeException("abandoned", null, false, false) {
    };

    private final Thread producer;
    private final Baton baton = new Baton(null);
    private Thread consumer;
    private boolean started;
    private volatile boolean done;
    private volatile boolean abandoned;
    private Object value;

    /** @param body the generator's body; it yields with {@link #yieldValue(Object)} on the generator it is given */
    public VirtualThreadGenerator(Consumer<VirtualThreadGenerator> body) {
        this.producer = Thread.ofVirtual().unstarted(() -> {
            baton.await(Thread.currentThread());
            try {
                body.accept(this);
            } catch (RuntimeException e) {
                if (e != ABANDONED) {
                    throw e;
                }
            } finally {
                done = true;
                baton.passTo(consumer);
            }
        });
    }

    /**
     * From the body: hands {@code v} to the consumer and parks until the next {@link #advance()}.
     *
     * @param v the value {@link #value()} returns
     */
    public void yieldValue(Object v) {
        value = v;
        baton.passTo(consumer);
        baton.await(producer);
        if (abandoned) {
            throw ABANDONED;
        }
    }

    /** @return true if the body yielded, false if it ended */
    public boolean advance() {
        if (done) {
            return false;
        }
        Thread me = Thread.currentThread();
        if (consumer != me) {
            consumer = me;
        }
        baton.passTo(producer);
        if (!started) {
            started = true;
            producer.start();
        }
        baton.await(me);
        return !done;
    }

    /** Waits until the generator's thread is parked at its yield (or has ended). */
    public void awaitParked() {
        while (started && !done && producer.getState() != Thread.State.WAITING) {
            LockSupport.parkNanos(100_000);
        }
    }

    /** Ends the body at its yield (an exception unwinds it), so that its thread ends. */
    public void abandon() {
        abandoned = true;
        if (started) {
            baton.passTo(producer);
        }
    }

    /** @return the last value yielded */
    public Object value() {
        return value;
    }

    /**
     * @return the next value yielded
     * @throws NoSuchElementException if the body ended
     */
    public Object next() {
        if (!advance()) {
            throw new NoSuchElementException("the generator's thread has ended");
        }
        return value;
    }
}
