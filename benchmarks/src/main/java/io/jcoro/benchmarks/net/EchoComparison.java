package io.jcoro.benchmarks.net;

import io.jcoro.benchmarks.LoomBaselines;
import io.jcoro.benchmarks.json.Json;
import io.jcoro.samples.net.EchoLoad;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * N1: for each server and client count, a warm-up round and then {@code rounds} measured rounds
 * of {@code EchoLoad.measure}: every client connects, then sends {@code requests} messages of
 * {@value #SIZE} bytes one at a time and reads each echo back. Reports the median round's
 * throughput and latency percentiles. Prints one JSON object on standard output.
 */
public final class EchoComparison {
    /** Bytes per message. */
    static final int SIZE = 1024;

    private EchoComparison() {
    }

    /** One measured round. */
    private static EchoLoad.Result round(IntFunction<EchoServer> servers, int clients, int requests)
            throws InterruptedException {
        EchoServer server = servers.apply(clients);
        EchoLoad.Result result = EchoLoad.measure(server.address(), clients, requests, SIZE);
        server.awaitEnd();          // not after a failure: the server would wait for the missing clients
        return result;
    }

    private static Map<String, Object> measure(String column, IntFunction<EchoServer> servers, int clients,
                                               int requests, int rounds) throws InterruptedException {
        round(servers, clients, Math.max(1, requests / 2));        // warm-up
        List<EchoLoad.Result> results = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            EchoLoad.Result result = round(servers, clients, requests);
            System.err.println("N1 " + column + ": " + result.summary());
            results.add(result);
        }
        double[] rps = results.stream().mapToDouble(EchoLoad.Result::requestsPerSecond).sorted().toArray();
        double[] p50 = results.stream().mapToDouble(r -> r.latencyMicros(50)).sorted().toArray();
        double[] p99 = results.stream().mapToDouble(r -> r.latencyMicros(99)).sorted().toArray();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("column", column);
        row.put("clients", clients);
        row.put("requests", requests);
        row.put("size", SIZE);
        row.put("rounds", rounds);
        row.put("requestsPerSecond", median(rps));
        row.put("requestsPerSecondMin", rps[0]);
        row.put("requestsPerSecondMax", rps[rps.length - 1]);
        row.put("megabytesPerSecond", median(rps) * SIZE / 1e6);
        row.put("p50Micros", median(p50));
        row.put("p99Micros", median(p99));
        row.put("p99MicrosMin", p99[0]);
        row.put("p99MicrosMax", p99[p99.length - 1]);
        return row;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * @param args {@code [rounds] [clients:requests ...]}, default 3 rounds of 100:2000 and
     *             1000:300
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<int[]> loads = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] cr = args[i].split(":");
            loads.add(new int[] {Integer.parseInt(cr[0]), Integer.parseInt(cr[1])});
        }
        if (loads.isEmpty()) {
            loads = List.of(new int[] {100, 2000}, new int[] {1000, 300});
        }
        Map<String, IntFunction<EchoServer>> servers = new LinkedHashMap<>();
        servers.put("jcoro", JcoroEchoServer::start);
        if (LoomBaselines.available()) {
            servers.put("virtualThread", LoomBaselines::startVirtualThreadEchoServer);
        }
        List<Object> rows = new ArrayList<>();
        for (int[] load : loads) {
            for (Map.Entry<String, IntFunction<EchoServer>> s : servers.entrySet()) {
                rows.add(measure(s.getKey(), s.getValue(), load[0], load[1], rounds));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", rows);
        System.out.println(Json.write(out));
        System.err.println(String.format(Locale.ROOT, "N1 done: %d rows", rows.size()));
    }
}
