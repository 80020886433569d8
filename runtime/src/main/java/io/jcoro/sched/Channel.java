package io.jcoro.sched;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Objects;

/**
 * A bounded channel between tasks of one scheduler: Go's {@code chan}, Kotlin's
 * {@code Channel}, trio's memory channel. {@link #send} suspends the task while the channel is
 * full, {@link #receive} while it is empty; both are {@code @Coroutine} methods, so a task calls
 * them at any depth, and {@link Select} waits on several channels at once.
 *
 * <pre>{@code
 * Channel<String> jobs = new Channel<>("jobs", 10);
 * sched.spawn(() -> {
 *     for (String url : urls) jobs.send(url);      // suspends while 10 are waiting
 *     jobs.close();                                // no more: receivers drain, then see the end
 * });
 * sched.spawn(() -> {
 *     for (String url; (url = jobs.receiveOrNull()) != null; ) fetch(url);
 * });
 * }</pre>
 *
 * <ul>
 *   <li><b>Capacity</b>: up to {@code capacity} items wait in the channel. A capacity of 0 is a
 *       rendezvous: a send completes only when a receiver takes the item, hand to hand.
 *   <li><b>Order</b>: items are received in the order they were sent; waiting senders and
 *       receivers are served first come, first served, and a waiting receiver is handed an item
 *       before the buffer is used.
 *   <li><b>Close</b>: {@link #close()} ends the channel for senders. Receivers first get every
 *       item already in it, then the end: {@link #receive} throws {@link EndOfChannel},
 *       {@link #receiveOrNull} returns null. A send on a closed channel, or a sender still
 *       waiting when it closes, throws {@link ChannelClosed}: its item was not delivered, and the
 *       sender knows it. Items left in a closed channel that nobody receives are dropped with it.
 *   <li><b>Cancellation and deadlines</b>: every wait is a suspension point, so a
 *       {@link CancelScope} deadline or a cancellation throws in at a waiting send or receive.
 *       Such a waiter leaves the channel as if it had never come: a cancelled sender's item is
 *       not delivered (nobody will receive it), a cancelled receiver is handed nothing. Once a
 *       waiter has been given its item (or its item has been taken), the operation has happened:
 *       it returns normally, and a cancellation that arrives afterwards is delivered at the
 *       task's next suspension. So nothing is lost or received twice.
 * </ul>
 *
 * <p>A channel is used by the tasks of one scheduler, on any of its kernels (its monitor guards
 * it; a waiter on another kernel is woken through that kernel's inbox); items may not be null
 * (null is what {@link #receiveOrNull} and {@link #tryReceive} return for "nothing"). Any
 * number of tasks may send and receive. To hand items in from another thread, complete a
 * {@link java.util.concurrent.CompletableFuture} that a task {@linkplain Syscalls#await awaits},
 * or post with {@link Scheduler#execute}.
 *
 * @param <T> the type of the items
 */
public final class Channel<T> {
    /** What a receive finds at the end of a closed, drained channel. */
    static final Object END = new Object();
    /** What a send finds in a closed channel. */
    static final Object CLOSED = new Object();

    private final String name;
    private final int capacity;
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    final WaitQueue senders = new WaitQueue();
    final WaitQueue receivers = new WaitQueue();
    private volatile boolean closed;
    /** The waiter the last {@link #offer}, {@link #take} or {@link #putBack} completed, to wake once the lock is released. */
    private Waiter toWake;

    /**
     * @param capacity how many items may wait in the channel; 0 for a rendezvous
     * @throws IllegalArgumentException if negative
     */
    public Channel(int capacity) {
        this("channel", capacity);
    }

    /**
     * @param name     the name in messages and in {@linkplain Scheduler#dump() task dumps}
     * @param capacity how many items may wait in the channel; 0 for a rendezvous
     * @throws IllegalArgumentException if negative
     */
    public Channel(String name, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("channel capacity must be 0 or more: " + capacity);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.capacity = capacity;
    }

    /**
     * Sends an item, suspending the task until there is room (or, for a rendezvous, until a
     * receiver takes it).
     *
     * @param item the item, not null
     * @throws ChannelClosed if the channel is closed, or closes while the task waits; the item
     *                       was not delivered
     * @throws Cancelled     if the task is cancelled or a deadline passes while it waits; the
     *                       item was not delivered
     */
    @Coroutine
    public void send(T item) {
        Objects.requireNonNull(item, "a channel item cannot be null");
        Waiter w = new Waiter("send to", this, item, null, 0);
        Object answer = Co.yield((SystemCall) (k, task) -> {
            w.bind(k, task);
            Waiter other;
            boolean now = true;
            synchronized (this) {
                if (offer(item)) {
                    w.tryComplete(null, false);
                } else if (closed) {
                    w.tryComplete(CLOSED, false);
                } else {
                    w.park(senders);
                    now = false;
                }
                other = takeWake();
            }
            wake(other);
            if (now) {
                w.wake();
            }
        });
        if (answer == CLOSED) {
            throw closedError("send");
        }
    }

    /**
     * Receives the next item, suspending the task until there is one.
     *
     * @return the item
     * @throws EndOfChannel if the channel is closed and every item has been received
     * @throws Cancelled    if the task is cancelled or a deadline passes while it waits;
     *                      nothing was received
     */
    @Coroutine
    public T receive() {
        T item = receiveOrNull();
        if (item == null) {
            throw new EndOfChannel(this + " is closed and drained");
        }
        return item;
    }

    /**
     * Receives the next item, suspending the task until there is one, or returns null at the
     * end: {@code for (T x; (x = ch.receiveOrNull()) != null; ) ...}, Python's
     * {@code async for x in channel}.
     *
     * @return the item, or null once the channel is closed and drained
     * @throws Cancelled if the task is cancelled or a deadline passes while it waits
     */
    @Coroutine
    public T receiveOrNull() {
        Waiter w = new Waiter("receive from", this, null, null, 0);
        Object answer;
        try {
            answer = Co.yield((SystemCall) (k, task) -> {
                w.bind(k, task);
                Waiter other;
                Object now;
                synchronized (this) {
                    now = take();
                    if (now != null) {
                        w.tryComplete(now, now == END);
                    } else {
                        w.park(receivers);
                    }
                    other = takeWake();
                }
                wake(other);
                if (now != null) {
                    w.wake();
                }
            });
        } catch (Throwable killed) {
            Object lost = handedTo(w);
            if (lost != null) {
                giveBack(lost); // handed an item, then killed before it ran: the item is not lost
            }
            throw killed;
        }
        @SuppressWarnings("unchecked")
        T item = answer == END ? null : (T) answer;
        return item;
    }

    /**
     * Sends without suspending, if a receiver waits or there is room.
     *
     * @param item the item, not null
     * @return whether it was sent
     * @throws ChannelClosed if the channel is closed
     */
    public boolean trySend(T item) {
        Objects.requireNonNull(item, "a channel item cannot be null");
        boolean sent;
        Waiter other;
        synchronized (this) {
            if (closed) {
                throw closedError("trySend");
            }
            sent = offer(item);
            other = takeWake();
        }
        wake(other);
        return sent;
    }

    /**
     * Receives without suspending, if an item is there (or a sender waits with one).
     *
     * @return the item, or null if there is none now (see {@link #isDrained()} for the end)
     */
    public T tryReceive() {
        Object now;
        Waiter other;
        synchronized (this) {
            now = take();
            other = takeWake();
        }
        wake(other);
        @SuppressWarnings("unchecked")
        T item = now == null || now == END ? null : (T) now;
        return item;
    }

    /**
     * Closes the channel: no more sends. Waiting receivers see the end (the buffer is empty when
     * receivers wait); waiting senders get {@link ChannelClosed}. Items already in the channel
     * stay there for receivers. Does nothing the second time. Never suspends, so it is safe in
     * {@code finally} blocks.
     */
    public void close() {
        ArrayList<Waiter> woken = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            receivers.pollAllCompleted(END, true, woken);
            senders.pollAllCompleted(CLOSED, false, woken);
        }
        Waiter.wakeAll(woken);
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /** @return whether the channel is closed and every item has been received */
    public synchronized boolean isDrained() {
        return closed && buffer.isEmpty();
    }

    /** @return how many items wait in the channel (not counting those of waiting senders) */
    public synchronized int size() {
        return buffer.size();
    }

    /** @return how many items may wait in the channel; 0 for a rendezvous */
    public int capacity() {
        return capacity;
    }

    /** @return the channel's name */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "channel '" + name + "'";
    }

    // ---- the matching, shared with Select; under this channel's lock ---------------------------

    /** @return the waiter the last operation completed, to {@link #wake} once the lock is released */
    Waiter takeWake() {
        Waiter w = toWake;
        toWake = null;
        return w;
    }

    static void wake(Waiter w) {
        if (w != null) {
            w.wake();
        }
    }

    /** @return whether a receive would complete now (an item, a waiting sender, or the end) */
    boolean canReceive() {
        return !buffer.isEmpty() || !senders.isEmpty() || closed;
    }

    /** @return whether a send would complete now (or fail because the channel is closed) */
    boolean canSend() {
        return closed || !receivers.isEmpty() || buffer.size() < capacity;
    }

    /**
     * Delivers {@code item} to the first waiting receiver, or puts it in the buffer if there is
     * room.
     *
     * @return false if neither (or the channel is closed): the sender must wait
     */
    boolean offer(Object item) {
        if (closed) {
            return false;
        }
        Waiter r = receivers.pollCompleted(item, false);
        if (r != null) {
            toWake = r;
            return true;
        }
        if (buffer.size() < capacity) {
            @SuppressWarnings("unchecked")
            T t = (T) item;
            buffer.add(t);
            return true;
        }
        return false;
    }

    /**
     * Takes the next item: from the buffer (refilled from the first waiting sender, who is then
     * done), or straight from a waiting sender.
     *
     * @return the item, {@link #END} if the channel is closed and drained, null if the receiver
     *         must wait
     */
    Object take() {
        T first = buffer.poll();
        Waiter s = senders.pollCompleted(null, false);
        if (s != null) {
            toWake = s;
        }
        if (first != null) {
            if (s != null) {
                @SuppressWarnings("unchecked")
                T t = (T) s.item;
                buffer.add(t);
            }
            return first;
        }
        if (s != null) {
            return s.item;
        }
        return closed ? END : null;
    }

    /**
     * Gives back an item a receiver was handed but will never see (it was killed first): to the
     * next waiting receiver, else to the front of the buffer, even past its capacity.
     */
    void putBack(Object item) {
        Waiter r = receivers.pollCompleted(item, false);
        if (r != null) {
            toWake = r;
        } else {
            @SuppressWarnings("unchecked")
            T t = (T) item;
            buffer.addFirst(t);
        }
    }

    /**
     * @return the item a receiver was handed, or null; under the lock, where a sender on another
     *         kernel recorded it (kept out of the {@code @Coroutine} methods: with a monitor
     *         inside, the instrumented methods ran 3 to 4 times slower, see {@code OneKernelCost})
     */
    private synchronized Object handedTo(Waiter w) {
        return w.done && w.handed != END ? w.handed : null;
    }

    /** {@link #putBack} under the lock, and wakes the receiver it went to. */
    void giveBack(Object item) {
        Waiter other;
        synchronized (this) {
            putBack(item);
            other = takeWake();
        }
        wake(other);
    }

    ChannelClosed closedError(String op) {
        return new ChannelClosed(op + " on " + this + ", which is closed");
    }
}
