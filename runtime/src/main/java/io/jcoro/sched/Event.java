package io.jcoro.sched;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import java.util.ArrayList;

/**
 * A flag tasks can wait for: trio's and curio's {@code Event}. {@link #set()} wakes every task
 * waiting in {@link #await()}, and later waits return at once, until {@link #clear()}.
 *
 * <pre>{@code
 * Event ready = new Event("config loaded");
 * sched.spawn(() -> { ready.await(); serve(); });   // waits
 * sched.spawn(() -> { load(); ready.set(); });      // wakes it
 * }</pre>
 *
 * A wait is a suspension point: a deadline or a cancellation ends it with {@link Cancelled}.
 * Used by the tasks and system calls of one scheduler, on any of its kernels (its monitor guards
 * it), or through {@link Scheduler#execute} from another thread.
 */
public final class Event {
    private final String name;
    private final WaitQueue waiters = new WaitQueue();
    private volatile boolean set;

    /** Creates an event that is not set. */
    public Event() {
        this("event");
    }

    /** @param name the name in {@linkplain Scheduler#dump() task dumps} */
    public Event(String name) {
        this.name = java.util.Objects.requireNonNull(name, "name");
    }

    /**
     * Suspends the task until the event is set; returns at once if it is.
     *
     * @throws Cancelled if the task is cancelled or a deadline passes first
     */
    @Coroutine
    public void await() {
        if (set) {
            return;
        }
        Co.yield((SystemCall) (k, task) -> {
            boolean now;
            synchronized (this) {
                now = set;
                if (!now) {
                    new Waiter("wait for", this, null, null, 0).bind(k, task).park(waiters);
                }
            }
            if (now) {
                k.resume(task, null);
            }
        });
    }

    /** Sets the event and wakes every waiting task, in the order they came. Does not suspend. */
    public void set() {
        ArrayList<Waiter> woken = new ArrayList<>();
        synchronized (this) {
            set = true;
            waiters.pollAllCompleted(null, false, woken);
        }
        Waiter.wakeAll(woken);
    }

    /** Clears the event (curio's {@code clear}): later waits wait for the next {@link #set()}. */
    public void clear() {
        set = false;
    }

    /** @return whether the event is set */
    public boolean isSet() {
        return set;
    }

    /** @return how many tasks wait for it */
    public synchronized int waiting() {
        return waiters.size();
    }

    @Override
    public String toString() {
        return "event '" + name + "'" + (set ? " (set)" : "");
    }
}
