package io.jcoro.sched;

/**
 * Kills a task and returns whether it existed: {@code boolean killed = Co.yield(new KillTask(tid));}.
 * The victim's {@code finally} blocks run before the caller resumes; see {@link Kernel#kill(int)}.
 * A task may kill itself; it then never resumes. A victim on another kernel of the scheduler is
 * killed on that kernel's thread, and the caller waits until it has been.
 *
 * @param tid the victim's id
 */
public record KillTask(int tid) implements SystemCall {
    @Override
    public void handle(Kernel kernel, Task task) {
        Task victim = kernel.task(tid);
        if (victim != null && !victim.kernel.isHere()) {
            Remote wait = new Remote(task);
            kernel.park(task, wait);
            Kernel.onOwner(victim, () -> {
                victim.kernel.exits.kill(victim);
                wait.done();
            });
            return;
        }
        boolean existed = kernel.kill(tid);
        kernel.resume(task, existed);
    }

    /** The killer's wait for a kill on another kernel; its monitor orders the wake-up and the unpark. */
    private static final class Remote implements Runnable {
        private final Task killer;
        private boolean waiting = true;

        Remote(Task killer) {
            this.killer = killer;
        }

        void done() {
            boolean claimed;
            synchronized (this) {
                claimed = waiting && killer.claim();
            }
            if (claimed) {
                Kernel.wakeClaimed(killer, Boolean.TRUE, false);
            }
        }

        @Override
        public synchronized void run() {
            waiting = false;
        }

        @Override
        public String toString() {
            return "kill a task on another kernel";
        }
    }
}
