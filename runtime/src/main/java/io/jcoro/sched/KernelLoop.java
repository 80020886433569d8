package io.jcoro.sched;

/**
 * The scheduler's loop over the {@link Kernel}'s structures, as curio's kernel runs it: wait for
 * events, expire deadlines, step the ready tasks and handle what they yield, and close every task
 * when the scheduler stops or the kernel fails. {@link Scheduler#run()} drives it; the kernel
 * keeps the services that system calls see.
 */
final class KernelLoop {
    private final Kernel k;

    KernelLoop(Kernel kernel) {
        this.k = kernel;
    }

    /** Runs one task until its next yield, and handles what it yielded. */
    void step(Task t) {
        if (k.activation != null) {
            k.activation.running(t);
        }
        t.state = Task.RUNNING;
        k.stepping = t;
        k.ioOps = 0;
        Object v = t.value;
        t.value = null;
        Object r;
        try {
            if (t.raising) {
                t.raising = false;
                r = t.generator.throwIn((Throwable) v);
            } else {
                r = t.generator.send(v);
            }
        } catch (Throwable e) {
            // The body never ran (an error raised into a new task), or the task's own wrapper broke.
            k.stepping = null;
            if (!t.isDone()) {
                t.ended(e);
            }
            k.exits.exit(t);
            return;
        }
        k.stepping = null;
        if (r == Task.EXITED) {
            k.exits.exit(t);
            return;
        }
        // Every suspension is a cancellation point (trio's checkpoint).
        if (t.scope != null || t.cancelRequested) {
            Cancelled c = CancelScope.pendingFor(t, k.now());
            if (c != null) {
                t.state = Task.READY;
                t.value = c;
                t.raising = true;
                k.ready.add(t);
                return;
            }
        }
        if (r instanceof SystemCall call) {
            t.state = Task.WAITING;
            t.open(); // before the call can show the wait to anyone
            try {
                call.handle(k, t);
            } catch (RuntimeException e) {
                k.raise(t, e);
            }
            if (t.state == Task.WAITING && t.scope != null) {
                armDeadline(t);
            }
        } else {
            // Any other value is a plain yield, as in the course: back of the queue.
            t.state = Task.READY;
            k.ready.add(t);
        }
        if (k.activation != null) {
            k.activation.suspended(t, r);
        }
    }

    /**
     * Makes every task whose deadline has come ready: a scope's deadline throws in
     * {@link TaskTimeout}, a wait's own deadline ends the wait ({@code false} from an I/O wait,
     * {@code null} from a sleep).
     */
    void expireTimers() {
        if (k.timers.isEmpty()) {
            return;
        }
        long now = k.now();
        for (Task t; (t = k.timers.pollDue(now)) != null; ) {
            Cancelled c = t.scope != null || t.cancelRequested ? CancelScope.pendingFor(t, now) : null;
            if (c != null) {
                k.raise(t, c);
            } else {
                k.resume(t, t.value instanceof IoPoller.Waiters ? Boolean.FALSE : null);
            }
        }
    }

    /**
     * Waits for something to happen, as the course's {@code iotask}: polls the selector without
     * blocking when tasks are ready, else blocks until the next timer or I/O event.
     *
     * @return false if nothing can ever wake a task: none is ready, sleeping, waiting for I/O or
     *         for the world outside (a future, a thread)
     */
    boolean awaitEvents() {
        k.inbox.drain();
        if (!k.ready.isEmpty()) {
            if (k.io.hasKeys()) {
                k.io.poll(-1);
            }
            expireTimers();
            return true;
        }
        if (!k.timers.isEmpty()) {
            long wait = k.timers.nextDeadline() - k.now();
            if (wait > 0) {
                k.io.poll(Math.max(1, (wait + 999_999) / 1_000_000));
            } else if (k.io.hasKeys()) {
                k.io.poll(-1);
            }
            k.inbox.drain();
            expireTimers();
            return true;
        }
        if (k.io.hasWaiters() || k.external > 0) {
            k.io.poll(0); // a completed future posts to the inbox, which wakes the selector
            k.inbox.drain();
            return true;
        }
        if (!k.inbox.isEmpty()) {
            k.inbox.drain(); // posted since the first drain: it may wake a task
            return true;
        }
        return k.group != null && k.group.idle(k); // other kernels may still wake or hand over a task
    }

    /**
     * Kills every live task, in id order (the scheduler is stopping or closing); again if
     * clean-up code spawned new ones, a few times at most.
     */
    void killAll() {
        for (int pass = 0; pass < 8 && k.ownTasks().length > 0; pass++) {
            for (Task t : k.ownTasks()) {
                k.exits.kill(t);
            }
        }
        k.ready.clear();
    }

    /** Puts a parked task in the timer heap for its scopes' earliest deadline, if that comes first. */
    private void armDeadline(Task t) {
        CancelScope s = CancelScope.earliestDeadline(t);
        if (s == null) {
            return;
        }
        if (t.heapIndex >= 0) {
            if (s.deadline - t.deadline >= 0) {
                return; // its own wait ends first; the scope is checked again when it does
            }
            k.timers.remove(t);
        }
        k.timers.add(t, s.deadline);
    }

    /**
     * The kernel itself failed ({@code failure} escaped the loop: an {@link Error} in a system
     * call, a selector that cannot select): kills every task so that its {@code finally} blocks
     * run, whatever state the failure left it in. A clean-up that fails is added to
     * {@code failure} as suppressed.
     */
    void abort(Throwable failure) {
        Task interrupted = k.stepping;
        k.stepping = null;
        if (interrupted != null && interrupted.state == Task.RUNNING) {
            interrupted.state = Task.READY;
        }
        for (int pass = 0; pass < 8 && k.ownTasks().length > 0; pass++) {
            for (Task t : k.ownTasks()) {
                try {
                    if (t.state == Task.RUNNING) {
                        t.state = Task.READY; // its system call was running when the kernel failed
                    }
                    k.exits.kill(t);
                } catch (Throwable e) {
                    failure.addSuppressed(e);
                    k.tasks.remove(t);
                }
            }
        }
        k.ready.clear();
    }
}
