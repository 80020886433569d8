package io.jcoro.sched;

import java.util.ArrayList;

/**
 * The tasks waiting for a task to exit, kept in its {@link Task#waiters} field: null, one
 * {@link Task}, a {@code java.util.ArrayList<Task>} once there are two, and {@link Task#EXITED}
 * once it has exited. Most tasks are never waited for, or by one task only, so neither costs a
 * list. Every access holds the target's monitor: the target may exit on another kernel's thread.
 */
final class ExitWaiters {
    private ExitWaiters() {
    }

    /**
     * Parks {@code waiter} until {@code target} exits (its wait records the target, for unlinking).
     *
     * @return false, without parking, if the target has exited already (on another kernel)
     */
    static boolean add(Task target, Task waiter) {
        synchronized (target) {
            Object w = target.waiters;
            if (w == Task.EXITED) {
                return false;
            }
            if (w == null) {
                target.waiters = waiter;
            } else if (w instanceof Task single) {
                ArrayList<Task> list = new ArrayList<>(4);
                list.add(single);
                list.add(waiter);
                target.waiters = list;
            } else {
                @SuppressWarnings("unchecked")
                ArrayList<Task> list = (ArrayList<Task>) w;
                list.add(waiter);
            }
            waiter.value = target;
        }
        return true;
    }

    /** Takes {@code waiter} out of {@code target}'s waiters (it was woken otherwise); nothing if not there. */
    static void remove(Task target, Task waiter) {
        synchronized (target) {
            Object w = target.waiters;
            if (w == waiter) {
                target.waiters = null;
            } else if (w instanceof ArrayList<?> list) {
                list.remove(waiter);
            }
        }
    }

    /** {@code exited} has exited: wakes every waiter whose wake-up it can claim, with the finished task. */
    static void wakeAll(Task exited) {
        Object w;
        synchronized (exited) { // claimed under the lock their unlink takes, so no claim reaches a later wait
            w = exited.waiters;
            exited.waiters = Task.EXITED;
            if (w instanceof Task waiter) {
                w = waiter.claim() ? waiter : null;
            } else if (w instanceof ArrayList<?> list) {
                list.removeIf(waiter -> !((Task) waiter).claim());
            }
        }
        if (w instanceof Task waiter) {
            Kernel.wakeClaimed(waiter, exited, false);
        } else if (w instanceof ArrayList<?> list) {
            for (Object waiter : list) {
                Kernel.wakeClaimed((Task) waiter, exited, false);
            }
        }
    }
}
