package io.jcoro.benchmarks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the machine was like: cores, CPU, memory, load average (Linux's /proc, when there). */
public final class MachineState {
    private MachineState() {
    }

    /** @return the 1-, 5- and 15-minute load averages, or NaNs off Linux */
    public static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
    }

    /** @return the load averages and the time, as a JSON-ready map */
    public static Map<String, Object> snapshot() {
        double[] load = loadAverage();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", Instant.now().toString());
        m.put("load1", load[0]);
        m.put("load5", load[1]);
        m.put("load15", load[2]);
        return m;
    }

    /** @return cores, CPU model, memory, OS */
    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstValue("/proc/cpuinfo", "model name"));
        m.put("memory", firstValue("/proc/meminfo", "MemTotal"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return m;
    }

    /**
     * @return the commit the benchmarks jar was built from, as its build recorded it (with a note
     *         if runtime/ or agent/ had uncommitted changes), or "unknown"
     */
    public static String sourceVersion() {
        try (var in = MachineState.class.getResourceAsStream("/io/jcoro/benchmarks/build-source.txt")) {
            if (in == null) {
                return "unknown";
            }
            String s = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? "unknown" : s;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstValue(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    /**
     * Waits until the 1-minute load average is below 1.0, checking every minute.
     *
     * @param deadline when to give up
     * @return whether it got quiet
     */
    public static boolean awaitQuiet(Instant deadline) {
        while (true) {
            double load = loadAverage()[0];
            if (!(load >= 1.0)) {
                return true;
            }
            if (Instant.now().plusSeconds(60).isAfter(deadline)) {
                System.out.printf("# the machine is not quiet (load %.2f): running anyway%n", load);
                return false;
            }
            System.out.printf("# waiting for a quiet machine: load %.2f, until %s at most%n", load, deadline);
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
