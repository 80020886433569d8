package io.jcoro.sched;

import java.util.List;

/**
 * A {@link Select} being awaited: one {@link Waiter} per case, each in its channel's queue
 * while the task waits. The first channel operation that completes one of them wakes the task,
 * and the kernel's unpark ({@link #leaveAll()}) takes every other case out before anything else
 * can match it. It remembers which case completed, so that a receive can be undone if the task
 * is killed before it sees the item.
 */
final class Selection {
    private final Select select;
    private final List<Channel<?>> channels;
    private final List<Object> items;
    private Waiter[] cases;
    /** The channel and item of a receive case that completed with an item, for {@link #undo()}. */
    private Channel<?> receivedFrom;
    private Object received;

    Selection(Select select, List<Channel<?>> channels, List<Object> items) {
        this.select = select;
        this.channels = channels;
        this.items = items;
    }

    /** Puts one waiter per case in its channel's queue and parks the task. */
    void park(Kernel k, Task task) {
        cases = new Waiter[channels.size()];
        for (int i = 0; i < cases.length; i++) {
            Channel<?> ch = channels.get(i);
            Object item = items.get(i);
            boolean receive = Select.isReceive(item);
            Waiter w = new Waiter(receive ? "receive from" : "send to", ch, receive ? null : item, this, i).bind(k, task);
            (receive ? ch.receivers : ch.senders).add(w);
            cases[i] = w;
        }
        k.park(task, cases[0]);
    }

    /** A case could complete without waiting. */
    void completedAtOnce(Select.Result r) {
        if (!r.isEnd() && r.value() != null && r.value() != Channel.CLOSED && Select.isReceive(items.get(r.index()))) {
            receivedFrom = r.channel();
            received = r.value();
        }
    }

    /** Case {@code w} is completing with {@code value}. */
    void completed(Waiter w, Object value) {
        if (w.item == null && value != Channel.END && value != null) {
            receivedFrom = (Channel<?>) w.on;
            received = value;
        }
    }

    /** @return what the task's select returns when case {@code index} completes with {@code value} */
    Select.Result result(int index, Object value, boolean end) {
        Channel<?> ch = channels.get(index);
        if (end || value == Channel.END) {
            return new Select.Result(index, ch, null, true);
        }
        return new Select.Result(index, ch, value, false); // a send case: null, or CLOSED
    }

    /** The task was killed after a receive case was handed its item: give the item back. */
    void undo() {
        if (receivedFrom != null) {
            receivedFrom.putBack(received);
            receivedFrom = null;
        }
    }

    /** The task was woken (by a case, a deadline, a cancellation): withdraw every case. */
    void leaveAll() {
        if (cases == null) {
            return;
        }
        for (Waiter w : cases) {
            if (w.queue != null) {
                w.queue.remove(w);
            }
        }
    }

    @Override
    public String toString() {
        return select.toString();
    }
}
