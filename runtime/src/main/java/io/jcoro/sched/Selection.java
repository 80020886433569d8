package io.jcoro.sched;

import java.util.Arrays;
import java.util.List;

/**
 * A {@link Select} being awaited: one {@link Waiter} per case, each in its channel's queue
 * while the task waits. The first channel operation that completes one of them claims the
 * task's wake-up ({@link Task#claimAsCase}) and wakes it; the others find it claimed and skip
 * their case, and the kernel's unpark ({@link #run()}) takes every case out before the task runs
 * again. The claim names the case, so that a receive can be undone if the task is killed before
 * it sees the item.
 */
final class Selection implements Runnable {
    private final Select select;
    private final List<Channel<?>> channels;
    private final List<Object> items;
    private Waiter[] cases;
    private Task task;
    /** The channel and item of a receive case that completed without waiting, for {@link #undo}. */
    private Channel<?> receivedFrom;
    private Object received;

    Selection(Select select, List<Channel<?>> channels, List<Object> items) {
        this.select = select;
        this.channels = channels;
        this.items = items;
    }

    /**
     * In the select's system call: goes through the cases in order, each under its channel's
     * lock, and either performs the first that can complete now and wakes the task, or queues a
     * waiter for it. Checking and queueing under one lock means no operation can slip between
     * them and leave both sides waiting. A case performed after others were queued first claims
     * the task's wake-up, since another kernel may be completing a queued case meanwhile; if the
     * operation then finds nothing (its counterpart gave up on its own kernel between the check
     * and the claim), every case is withdrawn and the select starts over.
     */
    void start(Kernel k, Task task) {
        this.task = task;
        cases = new Waiter[channels.size()];
        k.park(task, this);
        while (!tryCases(k, task)) {
            run(); // withdraw what was queued, and try again with the token open
            Arrays.fill(cases, null);
            task.reopen();
        }
    }

    /** @return false if a ready case vanished under the claim and the select must start over */
    private boolean tryCases(Kernel k, Task task) {
        for (int i = 0; i < cases.length; i++) {
            Channel<?> ch = channels.get(i);
            Object item = items.get(i);
            boolean receive = Select.isReceive(item);
            Select.Result now = null;
            Waiter other;
            synchronized (ch) {
                if (receive ? ch.canReceive() : ch.canSend()) {
                    if (!task.claim()) {
                        return true; // another kernel completed a queued case; its wake-up is on its way
                    }
                    if (receive) {
                        Object v = ch.take();
                        if (v == null) {
                            return false;
                        }
                        now = Select.Result.received(i, ch, v);
                    } else {
                        boolean sent = ch.offer(item);
                        if (!sent && !ch.isClosed()) {
                            return false;
                        }
                        now = Select.Result.sent(i, ch, sent);
                    }
                    if (receive && !now.isEnd()) {
                        receivedFrom = ch;
                        received = now.value();
                    }
                    other = ch.takeWake();
                } else {
                    Waiter w = new Waiter(receive ? "receive from" : "send to", ch, receive ? null : item, this, i).bind(k, task);
                    (receive ? ch.receivers : ch.senders).add(w);
                    cases[i] = w;
                    continue;
                }
            }
            Channel.wake(other);
            Kernel.wakeClaimed(task, now, false);
            return true;
        }
        return true;
    }

    /** @return what the task's select returns when case {@code index} completes with {@code value} */
    Select.Result result(int index, Object value, boolean end) {
        // a send case's value is null, or CLOSED
        return Select.Result.received(index, channels.get(index), end ? Channel.END : value);
    }

    /**
     * The task was killed after a receive case was handed its item: give the item back. The case
     * is the one its claim names (a waiting case), or the one performed at once.
     */
    void undo() {
        int c = task == null ? -1 : task.claimedCase();
        if (cases != null && c >= 0 && c < cases.length && cases[c] != null) {
            Waiter w = cases[c];
            if (w.item == null && w.handed != null && w.handed != Channel.END) {
                receivedFrom = (Channel<?>) w.on;
                received = w.handed;
            }
        }
        if (receivedFrom != null) {
            Channel<?> ch = receivedFrom;
            receivedFrom = null;
            ch.giveBack(received);
        }
    }

    /** The kernel's unpark: the task was woken (by a case, a deadline, a cancellation); withdraw every case. */
    @Override
    public void run() {
        if (cases == null) {
            return;
        }
        for (int i = 0; i < cases.length; i++) {
            Waiter w = cases[i];
            if (w != null) {
                synchronized (w.on) {
                    if (w.queue != null) {
                        w.queue.remove(w);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return select.toString();
    }
}
