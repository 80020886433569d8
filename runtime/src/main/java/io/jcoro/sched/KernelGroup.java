package io.jcoro.sched;

import java.nio.channels.SelectableChannel;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kernels of a scheduler that runs on several threads ({@link Scheduler#onThreads}): one
 * table of tasks and one id counter for all, the spreading of new tasks, the sharing of ready
 * tasks with idle kernels, and the decision that the run is over (no task left anywhere) or
 * deadlocked (every kernel idle with nothing in flight).
 */
final class KernelGroup {
    final Kernel[] kernels;
    final TaskTable tasks = new TaskTable.Shared();
    private final AtomicInteger ids = new AtomicInteger(1);
    private final AtomicInteger nextKernel = new AtomicInteger();
    /** Set while {@link Scheduler#run()} runs the loops. */
    volatile boolean running;
    /** Set by the kernel that found every kernel idle: the loops end and run() throws it. */
    volatile String deadlock;
    /** How many kernels have nothing to do and nothing to wait for; guarded by this. */
    private int idle;

    KernelGroup(int n) {
        kernels = new Kernel[n];
        for (int i = 0; i < n; i++) {
            kernels[i] = new Kernel(this);
        }
    }

    int nextId() {
        return ids.getAndIncrement();
    }

    /**
     * Spawns on the next kernel in turn: directly on its thread or before the run, else made here
     * and posted to it.
     */
    Task spawn(Object body) {
        Kernel k = kernels[Math.floorMod(nextKernel.getAndIncrement(), kernels.length)];
        if (k.isHere()) {
            return k.spawn(body);
        }
        Kernel.checkBody(body);
        Task t = k.newTask(body);
        k.adoptLater(t);
        return t;
    }

    /** Wakes every kernel's selector: the run ended, stopped or deadlocked. */
    void wakeAll() {
        for (Kernel k : kernels) {
            k.io.wakeup();
        }
    }

    /** A channel closed on {@code closer}: the tasks of other kernels still waiting on it get the error. */
    void releaseElsewhere(Kernel closer, SelectableChannel channel) {
        for (Kernel k : kernels) {
            if (k != closer) {
                IoPoller.Waiters w = k.io.waitersOf(channel);
                if (w != null) {
                    k.inbox.post(() -> k.io.closedElsewhere(w));
                }
            }
        }
    }

    /**
     * Kernel {@code k} has nothing ready, sleeping, waiting for I/O or for the world: it waits
     * here until work is posted to it, the run ends, or every kernel is in the same state with
     * nothing posted anywhere (a deadlock).
     *
     * @return false if this kernel found the deadlock
     */
    boolean idle(Kernel k) {
        synchronized (this) {
            idle++;
            if (idle == kernels.length && tasks.size() > 0 && deadlock == null && inboxesEmpty()) {
                idle--;
                deadlock = "deadlock: every task waits and nothing can wake one";
                wakeAll();
                return false;
            }
        }
        try {
            if (deadlock == null && tasks.size() > 0) {
                k.io.poll(0); // until a post wakes it: work, a stop, the end
            }
        } finally {
            synchronized (this) {
                idle--;
            }
        }
        k.inbox.drain();
        return true;
    }

    private boolean inboxesEmpty() {
        for (Kernel k : kernels) {
            if (!k.inbox.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * After a round of {@code k}: if it has ready tasks to spare and another kernel has none,
     * hands it half of them (work sharing; the busy kernel pushes, so that only the owner ever
     * touches its ready queue). Only ready tasks move: one waiting for I/O, a timer or anything
     * else stays on the kernel it parked on until it is woken there.
     */
    void share(Kernel k) {
        int spare = k.ready.size();
        k.load = spare;
        if (spare < 2) {
            return;
        }
        for (Kernel other : kernels) {
            if (other == k || other.load != 0 || other.runner == null) {
                continue;
            }
            ArrayList<Task> moving = new ArrayList<>(spare / 2);
            for (int i = spare / 2; i > 0; i--) {
                Task t = k.ready.pollLast();
                if (t.state == Task.READY) {
                    t.kernel = other;
                    moving.add(t);
                }
            }
            other.load = moving.size();
            other.inbox.post(() -> {
                for (Task t : moving) {
                    other.receive(t);
                }
            });
            k.load = k.ready.size();
            return;
        }
    }
}
