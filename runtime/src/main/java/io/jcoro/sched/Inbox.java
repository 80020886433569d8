package io.jcoro.sched;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Work handed to the scheduler's thread by other threads: a completed future's wake-up, a
 * {@link Scheduler#execute} call. Posting queues the work and wakes the selector, so that a loop
 * blocked in {@code select} runs it at once; the loop drains the inbox each time it looks for
 * events. This is the only way into a running kernel from outside: everything else stays
 * single-threaded.
 */
final class Inbox {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final IoPoller io;

    Inbox(IoPoller io) {
        this.io = io;
    }

    /** Callable from any thread. */
    void post(Runnable work) {
        queue.add(work);
        io.wakeup();
    }

    /**
     * Runs what was posted before this call, on the scheduler's thread; work posted while it
     * runs waits for the next drain, so that a runnable that posts again cannot hold the loop.
     * A runnable that throws is reported, and the others run.
     */
    void drain() {
        if (queue.isEmpty()) {
            return; // the common case, once per round: no walk of the queue for its size
        }
        for (int n = queue.size(); n > 0; n--) {
            Runnable r = queue.poll();
            if (r == null) {
                return;
            }
            try {
                r.run();
            } catch (RuntimeException e) {
                System.err.print("Scheduler: work posted from another thread failed: ");
                e.printStackTrace(System.err);
            }
        }
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
