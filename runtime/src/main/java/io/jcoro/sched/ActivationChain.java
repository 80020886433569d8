package io.jcoro.sched;

import java.util.function.Consumer;

/**
 * The installed {@link Activation}s, called in the order they were added; one that throws is
 * reported on {@code System.err} and the others, and the scheduler, go on.
 */
final class ActivationChain implements Activation {
    private final Activation[] all;

    ActivationChain(Activation[] all) {
        this.all = all;
    }

    /** @return the chain with {@code next} added */
    static ActivationChain add(Activation current, Activation next) {
        Activation[] before = current == null ? new Activation[0] : ((ActivationChain) current).all;
        Activation[] after = java.util.Arrays.copyOf(before, before.length + 1);
        after[before.length] = next;
        return new ActivationChain(after);
    }

    private void each(String event, Consumer<Activation> call) {
        for (Activation a : all) {
            try {
                call.accept(a);
            } catch (RuntimeException e) {
                System.err.print("Scheduler activation " + a + " failed in " + event + ": ");
                e.printStackTrace(System.err);
            }
        }
    }

    @Override
    public void activate(Kernel kernel) {
        each("activate", a -> a.activate(kernel));
    }

    @Override
    public void created(Task task) {
        each("created", a -> a.created(task));
    }

    @Override
    public void running(Task task) {
        each("running", a -> a.running(task));
    }

    @Override
    public void suspended(Task task, Object yielded) {
        each("suspended", a -> a.suspended(task, yielded));
    }

    @Override
    public void terminated(Task task) {
        each("terminated", a -> a.terminated(task));
    }
}
