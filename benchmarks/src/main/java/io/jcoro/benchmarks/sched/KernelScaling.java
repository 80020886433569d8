package io.jcoro.benchmarks.sched;

import io.jcoro.net.Listener;
import io.jcoro.samples.net.EchoLoad;
import io.jcoro.samples.net.EchoServer2;
import io.jcoro.samples.tasks.FanOut;
import io.jcoro.sched.Scheduler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * K1, in one JVM and one run: (1) the CPU-bound fan-out of the {@code fanout} sample on a
 * scheduler of one thread and of two, its wall time and speed-up; (2) the echo server of
 * {@code echoserver2} on one and two kernels under the {@code echoload} client, its CPU time per
 * message (the CPU of the server's kernel threads only, from {@link ThreadMXBean}, over every
 * message of a round) and its throughput. Runs alternate between the two settings after a warm-up
 * of each, and the summary gives the median and the range over the runs.
 *
 * <pre>
 * java -jar benchmarks/target/jcoro-benchmarks.jar kernels [runs] [clients] [requests]
 * </pre>
 * Defaults: 7 runs, 100 clients, 1000 requests of 1 KiB each.
 */
public final class KernelScaling {
    private static final int TASKS = 64;
    private static final int STEPS = 200;
    private static final int WORK = 20_000;
    private static final int SIZE = 1024;

    private KernelScaling() {
    }

    /** One echo round's figures. */
    private record Echo(double cpuNanosPerMessage, double requestsPerSecond) {
    }

    /** Serves {@code clients} echo clients on a scheduler of {@code threads}, measured. */
    private static Echo echo(int threads, int clients, int requests) throws InterruptedException {
        ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        Scheduler sched = Scheduler.onThreads(threads);
        Listener listener = Listener.bind(0);
        Thread server = EchoServer2.startQuietly(listener, 0, sched);
        List<Long> ids = new ArrayList<>(List.of(server.getId()));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (ids.size() < threads && System.nanoTime() < deadline) { // the kernels' own threads
            ids = new ArrayList<>(List.of(server.getId()));
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("jcoro-kernel-")) {
                    ids.add(t.getId());
                }
            }
            Thread.sleep(1);
        }
        if (ids.size() != threads) {
            throw new IllegalStateException("expected " + threads + " kernel threads, found " + ids.size());
        }
        long before = cpu(tmx, ids);
        EchoLoad.Result r = EchoLoad.measure(listener.address(), clients, requests, SIZE);
        long after = cpu(tmx, ids);
        // Let the handlers see their clients' ends before the stop: a stop kills the accepting
        // task, whose task group would otherwise still have children to wait for while killed.
        long settle = System.nanoTime() + 5_000_000_000L;
        while (sched.taskCount() > 1 && System.nanoTime() < settle) {
            Thread.sleep(1);
        }
        sched.stop();
        server.join(10_000);
        if (server.isAlive()) {
            throw new IllegalStateException("the echo server did not stop within 10 s");
        }
        return new Echo((double) (after - before) / ((long) clients * requests), r.requestsPerSecond());
    }

    private static long cpu(ThreadMXBean tmx, List<Long> ids) {
        long sum = 0;
        for (long id : ids) {
            long t = tmx.getThreadCpuTime(id);
            if (t < 0) {
                throw new IllegalStateException("no CPU time for thread " + id + " (ended, or not supported)");
            }
            sum += t;
        }
        return sum;
    }

    private static String spread(double[] v, String format) {
        double[] s = v.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return String.format(Locale.ROOT, format + " (min " + format + ", max " + format + ")", median, s[0], s[s.length - 1]);
    }

    /**
     * @param args {@code [runs] [clients] [requests]}
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        System.out.println(String.format(Locale.ROOT, "K1 on %d cores, %s %s; %d runs each",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), runs));

        System.out.println(String.format(Locale.ROOT, "fan-out: %d tasks x %d slices of %d xorshift rounds, yielding after each",
                TASKS, STEPS, WORK));
        FanOut.measure(1, TASKS, STEPS, WORK); // warm-up
        FanOut.measure(2, TASKS, STEPS, WORK);
        double[] one = new double[runs];
        double[] two = new double[runs];
        double[] speedUp = new double[runs];
        for (int r = 0; r < runs; r++) {
            FanOut.Result a = FanOut.measure(1, TASKS, STEPS, WORK);
            FanOut.Result b = FanOut.measure(2, TASKS, STEPS, WORK);
            if (a.checksum() != b.checksum()) {
                throw new IllegalStateException("the fan-out computed different results on 1 and 2 threads");
            }
            one[r] = a.nanos() / 1e6;
            two[r] = b.nanos() / 1e6;
            speedUp[r] = one[r] / two[r];
            System.out.println(String.format(Locale.ROOT, "  run %d: 1 kernel %.1f ms, 2 kernels %.1f ms, speed-up %.2f",
                    r + 1, one[r], two[r], speedUp[r]));
        }
        System.out.println("  1 kernel:  " + spread(one, "%.1f") + " ms");
        System.out.println("  2 kernels: " + spread(two, "%.1f") + " ms");
        System.out.println("  speed-up:  " + spread(speedUp, "%.2f"));

        System.out.println(String.format(Locale.ROOT, "echo: %d clients x %d requests of %d bytes; server CPU = its kernel threads",
                clients, requests, SIZE));
        echo(1, clients, requests / 2); // warm-up
        echo(2, clients, requests / 2);
        double[] cpu1 = new double[runs];
        double[] cpu2 = new double[runs];
        double[] rps1 = new double[runs];
        double[] rps2 = new double[runs];
        for (int r = 0; r < runs; r++) {
            Echo a = echo(1, clients, requests);
            Echo b = echo(2, clients, requests);
            cpu1[r] = a.cpuNanosPerMessage() / 1000;
            cpu2[r] = b.cpuNanosPerMessage() / 1000;
            rps1[r] = a.requestsPerSecond();
            rps2[r] = b.requestsPerSecond();
            System.out.println(String.format(Locale.ROOT,
                    "  run %d: 1 kernel %.2f us CPU/message, %.0f msg/s; 2 kernels %.2f us CPU/message, %.0f msg/s",
                    r + 1, cpu1[r], rps1[r], cpu2[r], rps2[r]));
        }
        System.out.println("  1 kernel:  " + spread(cpu1, "%.2f") + " us CPU per message, " + spread(rps1, "%.0f") + " msg/s");
        System.out.println("  2 kernels: " + spread(cpu2, "%.2f") + " us CPU per message, " + spread(rps2, "%.0f") + " msg/s");
    }
}
