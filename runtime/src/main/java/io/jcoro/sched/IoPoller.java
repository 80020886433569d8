package io.jcoro.sched;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * The tasks waiting for I/O, over one {@link Selector} (the course's {@code read_waiting},
 * {@code write_waiting} and {@code iopoll}).
 *
 * <p>A channel is registered once, on its first wait, and stays registered until it is closed
 * through {@link #release}: curio's sticky registration. Its key carries a small {@link Waiters}
 * record with one slot for a reader and one for a writer, so one task may read while another
 * writes. After a wake-up the read interest is kept, because the task usually comes straight
 * back to wait for more, and a later wait then costs no selector update; an interest nobody
 * waits for is dropped the first time the selector reports it. Write interest is dropped at
 * once, since a socket is nearly always writable and would otherwise wake the selector for
 * nothing.
 */
final class IoPoller {
    private static final int READ_OPS = SelectionKey.OP_READ | SelectionKey.OP_ACCEPT;
    private static final int WRITE_OPS = SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT;

    /** The tasks waiting on one channel; the key's attachment. */
    static final class Waiters {
        final SelectableChannel channel;
        Task reader;
        Task writer;

        Waiters(SelectableChannel channel) {
            this.channel = channel;
        }

        /** @return what {@code t} waits for on this channel, for introspection */
        String describe(Task t) {
            return (t == writer ? "writable " : "readable ") + channel;
        }
    }

    private final Kernel kernel;
    private final Selector selector;
    private final Consumer<SelectionKey> onReady = this::ready;
    /** How many tasks wait for I/O now. */
    private int waiting;
    /** Whether the selector may have keys: set on registering, refreshed after each select. */
    private boolean keys;

    IoPoller(Kernel kernel) {
        this.kernel = kernel;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the scheduler's selector", e);
        }
    }

    /** @return whether any task waits for I/O */
    boolean hasWaiters() {
        return waiting > 0;
    }

    /** @return whether a select could report anything (including deferred closes to finish) */
    boolean hasKeys() {
        return keys;
    }

    /**
     * Parks {@code task} until {@code channel} is ready to read (or accept), or to write (or
     * finish connecting).
     *
     * @throws IllegalStateException if another task already waits on that side of the channel
     * @throws java.nio.channels.IllegalBlockingModeException if the channel is in blocking mode
     */
    void await(Task task, SelectableChannel channel, boolean write) {
        int op = write
                ? (channel instanceof SocketChannel s && s.isConnectionPending() ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE)
                : channel.validOps() & READ_OPS;
        SelectionKey key = channel.keyFor(selector);
        Waiters w = key == null ? null : (Waiters) key.attachment();
        if (w != null) {
            Task other = write ? w.writer : w.reader;
            if (other != null && other != task) {
                throw new IllegalStateException("task " + task.id + " cannot wait to " + (write ? "write" : "read")
                        + " " + channel + ": task " + other.id + " already waits for that");
            }
        }
        if (key == null) {
            w = new Waiters(channel);
            try {
                key = channel.register(selector, op, w);
                keys = true;
            } catch (ClosedChannelException e) {
                throw new UncheckedIOException("cannot wait on a closed channel: " + channel, e);
            }
        } else {
            int interest;
            try {
                interest = key.interestOps();
            } catch (CancelledKeyException e) {
                throw new UncheckedIOException("cannot wait on a closed channel: " + channel,
                        new ClosedChannelException());
            }
            if ((interest & op) == 0) {
                key.interestOps(interest | op);
            }
        }
        if (write ? w.writer != task : w.reader != task) {
            waiting++;
        }
        if (write) {
            w.writer = task;
        } else {
            w.reader = task;
        }
        task.value = w;
    }

    /** Takes {@code task} out of its wait slot (it is being resumed otherwise, or killed). */
    void cancel(Waiters w, Task task) {
        if (w.reader == task) {
            w.reader = null;
            waiting--;
        } else if (w.writer == task) {
            w.writer = null;
            waiting--;
        }
    }

    /**
     * Waits for I/O readiness and makes the waiting tasks ready.
     *
     * @param timeoutMillis negative: do not block; 0: block until something is ready or
     *                      {@link #wakeup()}; positive: block at most that long
     */
    void poll(long timeoutMillis) {
        try {
            if (timeoutMillis < 0) {
                selector.selectNow(onReady);
            } else {
                selector.select(onReady, timeoutMillis);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("select failed", e);
        }
        keys = !selector.keys().isEmpty(); // cancelled keys are gone now
    }

    private void ready(SelectionKey key) {
        int ready = key.readyOps();
        int interest = key.interestOps();
        Waiters w = (Waiters) key.attachment();
        int drop = 0;
        if ((ready & READ_OPS) != 0) {
            Task t = w.reader;
            if (t != null) {
                wake(t);
            } else {
                drop |= interest & READ_OPS;
            }
        }
        if ((ready & WRITE_OPS) != 0) {
            Task t = w.writer;
            if (t != null) {
                wake(t);
            }
            drop |= interest & WRITE_OPS;
        }
        if (drop != 0) {
            key.interestOps(interest & ~drop);
        }
    }

    private void wake(Task t) {
        // resume() unlinks the task from its slot through cancel(); true: a bounded wait did not time out
        kernel.resume(t, Boolean.TRUE);
    }

    /**
     * Forgets {@code channel}: cancels its key and raises an error in any task still waiting on
     * it, so that closing a channel never leaves a task waiting for ever.
     */
    void release(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        if (key == null) {
            return;
        }
        Waiters w = (Waiters) key.attachment();
        key.cancel();
        if (w.reader != null) {
            closedUnder(w.reader, channel);
        }
        if (w.writer != null) {
            closedUnder(w.writer, channel);
        }
    }

    private void closedUnder(Task t, SelectableChannel channel) {
        kernel.raise(t, new UncheckedIOException("task " + t.id + " waited on " + channel
                + " and another task closed it", new AsynchronousCloseException()));
    }

    /**
     * @return the waiters of {@code channel} on this poller's selector, or null if it has no key
     *         there; callable from any thread, before the channel is closed
     */
    Waiters waitersOf(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        return key == null ? null : (Waiters) key.attachment();
    }

    /**
     * Raises the close in the tasks still waiting in {@code w}, whose channel a task of another
     * kernel closed (its key here is cancelled by the close itself); on this kernel's thread.
     */
    void closedElsewhere(Waiters w) {
        if (w.reader != null) {
            closedUnder(w.reader, w.channel);
        }
        if (w.writer != null) {
            closedUnder(w.writer, w.channel);
        }
    }

    /** Interrupts a blocking {@link #poll}; callable from any thread. */
    void wakeup() {
        selector.wakeup();
    }

    /** Closes the selector, which deregisters every channel (and completes their deferred closes). */
    void close() {
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the scheduler's selector", e);
        }
    }
}
