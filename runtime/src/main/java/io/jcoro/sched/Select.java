package io.jcoro.sched;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Waits on several channel operations at once and performs exactly one: Go's {@code select},
 * Kotlin's {@code select}. Cases are added in order; {@link #await()} performs the first case
 * that can complete now, or suspends the task until one can, performs it, and withdraws the
 * others (they never happen).
 *
 * <pre>{@code
 * Select.Result r = new Select().receive(requests).receive(shutdown).send(log, line).await();
 * switch (r.index()) {
 *     case 0 -> handle(r.value(Request.class));
 *     case 1 -> stop();
 *     case 2 -> logged++;                 // line was sent
 * }
 * }</pre>
 *
 * <ul>
 *   <li>A receive case whose channel is closed and drained completes with
 *       {@link Result#isEnd()} true (Go's {@code v, ok := <-ch} with {@code ok} false); a send
 *       case on a closed channel throws {@link ChannelClosed}, as a plain send does. Such a case
 *       stays ready for ever: stop selecting on it once it has ended (in Go, set the channel to
 *       nil), or, listed first, it wins every time and the other cases starve.
 *   <li>When several cases can complete at once, the first listed wins (Kotlin's biased
 *       {@code select}, not Go's random pick): list the case that must not starve first, or
 *       rotate the order yourself.
 *   <li>A deadline or a cancellation while the select waits withdraws every case: nothing was
 *       sent or received. {@link #poll()} never waits (Go's {@code default} case).
 * </ul>
 *
 * A {@code Select} is a list of cases that may be awaited again (a loop builds it once); it is
 * used by one task at a time.
 */
public final class Select {
    /**
     * The case that completed.
     *
     * @param index   its position in the select, from 0
     * @param channel its channel
     * @param value   for a receive, the item (null at the end); for a send, null
     * @param isEnd   for a receive, whether the channel was closed and drained
     */
    public record Result(int index, Channel<?> channel, Object value, boolean isEnd) {
        /**
         * @param type the item's class
         * @param <T>  its type
         * @return the received item, cast
         */
        public <T> T value(Class<T> type) {
            return type.cast(value);
        }

        /** Receive case {@code index} given {@code v} by the channel: an item, or {@code Channel.END}. */
        static Result received(int index, Channel<?> ch, Object v) {
            return v == Channel.END ? new Result(index, ch, null, true) : new Result(index, ch, v, false);
        }

        /** Send case {@code index}: its item sent, or refused by a closed channel ({@code Channel.CLOSED}). */
        static Result sent(int index, Channel<?> ch, boolean sent) {
            return new Result(index, ch, sent ? null : Channel.CLOSED, false);
        }
    }

    private final List<Channel<?>> channels = new ArrayList<>();
    /** Per case: the item to send, or {@link #RECEIVE}. */
    private final List<Object> items = new ArrayList<>();
    private static final Object RECEIVE = new Object();

    /** Creates a select with no cases. */
    public Select() {
    }

    /**
     * Adds a case that receives from {@code channel}.
     *
     * @param channel the channel
     * @return this select
     */
    public Select receive(Channel<?> channel) {
        channels.add(Objects.requireNonNull(channel, "channel"));
        items.add(RECEIVE);
        return this;
    }

    /**
     * Adds a case that sends {@code item} to {@code channel}.
     *
     * @param channel the channel
     * @param item    the item, not null
     * @param <T>     the type of the items
     * @return this select
     */
    public <T> Select send(Channel<T> channel, T item) {
        channels.add(Objects.requireNonNull(channel, "channel"));
        items.add(Objects.requireNonNull(item, "a channel item cannot be null"));
        return this;
    }

    /**
     * Performs the first case that can complete now, or suspends the task until one can.
     *
     * @return the case that completed
     * @throws ChannelClosed            if the completing case is a send on a closed channel
     * @throws Cancelled                if the task is cancelled or a deadline passes while it
     *                                  waits; no case happened
     * @throws IllegalArgumentException if the select has no case
     */
    @Coroutine
    public Result await() {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a select needs at least one case");
        }
        Selection s = new Selection(this, channels, items);
        Result r;
        try {
            r = Co.yield((SystemCall) s::start);
        } catch (Throwable killed) {
            s.undo(); // a received item the task will never see goes back to its channel
            throw killed;
        }
        return checked(r);
    }

    /**
     * Performs the first case that can complete now, without suspending.
     *
     * @return the case that completed, or null if none could
     * @throws ChannelClosed if that case is a send on a closed channel
     */
    public Result poll() {
        return checked(tryNow());
    }

    private Result checked(Result r) {
        if (r != null && r.value == Channel.CLOSED) {
            throw r.channel.closedError("select send");
        }
        return r;
    }

    private Result tryNow() {
        for (int i = 0; i < channels.size(); i++) {
            Channel<?> ch = channels.get(i);
            Object item = items.get(i);
            Result r = null;
            Waiter other;
            synchronized (ch) {
                if (item == RECEIVE) {
                    Object v = ch.take();
                    if (v != null) {
                        r = Result.received(i, ch, v);
                    }
                } else {
                    boolean sent = ch.offer(item);
                    if (sent || ch.isClosed()) {
                        r = Result.sent(i, ch, sent);
                    }
                }
                other = ch.takeWake();
            }
            Channel.wake(other);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** @return whether a case's item is the mark of a receive case */
    static boolean isReceive(Object item) {
        return item == RECEIVE;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("select(");
        for (int i = 0; i < channels.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(items.get(i) == RECEIVE ? "receive from " : "send to ")
                    .append(channels.get(i));
        }
        return sb.append(')').toString();
    }
}
