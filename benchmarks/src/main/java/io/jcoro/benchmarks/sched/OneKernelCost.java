package io.jcoro.benchmarks.sched;

import io.jcoro.sched.Channel;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Semaphore;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the primitives cost on a scheduler of one thread, the figure to hold against the same
 * program built before a change to them (it uses only API that older builds have): a rendezvous
 * ping-pong over two channels, a producer and a consumer over a buffered channel, and two tasks
 * passing one semaphore permit back and forth. Prints nanoseconds per operation, the median and
 * range of several runs after a warm-up.
 *
 * <pre>
 * java -cp benchmarks/target/jcoro-benchmarks.jar io.jcoro.benchmarks.sched.OneKernelCost [runs]
 * </pre>
 */
public final class OneKernelCost {
    private static final int MESSAGES = 1_000_000;

    private OneKernelCost() {
    }

    /** @return ns per round trip of a rendezvous ping-pong */
    static double pingPong() {
        Channel<Integer> ping = new Channel<>("ping", 0);
        Channel<Integer> pong = new Channel<>("pong", 0);
        Scheduler sched = new Scheduler();
        sched.spawn(() -> {
            for (int i = 0; i < MESSAGES; i++) {
                ping.send(i);
                pong.receive();
            }
            ping.close();
        });
        sched.spawn(() -> {
            for (Integer n; (n = ping.receiveOrNull()) != null; ) {
                pong.send(n);
            }
        });
        long t = System.nanoTime();
        sched.run();
        return (double) (System.nanoTime() - t) / MESSAGES;
    }

    /** @return ns per item through a channel of capacity 64 */
    static double buffered() {
        Channel<Integer> ch = new Channel<>("buffered", 64);
        Scheduler sched = new Scheduler();
        Integer item = 7;
        sched.spawn(() -> {
            for (int i = 0; i < MESSAGES; i++) {
                ch.send(item);
            }
            ch.close();
        });
        sched.spawn(() -> {
            while (ch.receiveOrNull() != null) {
                // drain
            }
        });
        long t = System.nanoTime();
        sched.run();
        return (double) (System.nanoTime() - t) / MESSAGES;
    }

    /** @return ns per hand-over of a semaphore permit between two tasks */
    static double permit() {
        Semaphore one = new Semaphore("one", 1);
        Scheduler sched = new Scheduler();
        for (int k = 0; k < 2; k++) {
            sched.spawn(() -> {
                for (int i = 0; i < MESSAGES / 2; i++) {
                    one.acquire();
                    io.jcoro.core.Co.yield(null); // the other task queues behind the permit meanwhile
                    one.release();
                }
            });
        }
        long t = System.nanoTime();
        sched.run();
        return (double) (System.nanoTime() - t) / MESSAGES;
    }

    private static String median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%.1f ns (min %.1f, max %.1f)", s[s.length / 2], s[0], s[s.length - 1]);
    }

    /** @param args {@code [runs]}, default 7 */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        pingPong();
        buffered();
        permit();
        double[] a = new double[runs];
        double[] b = new double[runs];
        double[] c = new double[runs];
        for (int r = 0; r < runs; r++) {
            a[r] = pingPong();
            b[r] = buffered();
            c[r] = permit();
        }
        System.out.println("rendezvous ping-pong, per round trip: " + median(a));
        System.out.println("buffered channel, per item:          " + median(b));
        System.out.println("semaphore hand-over, per acquire:    " + median(c));
    }
}
