package io.jcoro.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the report writes figures, verdicts and the machine's readings. */
final class Format {
    private Format() {
    }

    /** Three significant figures or so, thousands separated; "-" for NaN. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A target or a count: no decimals. */
    static String whole(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** A JSON number as a whole number with separators, or the value as it is. */
    static String fmtInt(Object o) {
        double d = Results.number(o);
        return Double.isNaN(d) ? String.valueOf(o) : String.format(Locale.ROOT, "%,d", (long) d);
    }

    /** "3.00 ± 0.10 ns, 0 B": time, JMH's error, and allocation when measured. */
    static String timeAndBytes(Score s) {
        StringBuilder b = new StringBuilder(num(s.nanos()));
        if (!Double.isNaN(s.error())) {
            b.append(" ± ").append(num(s.error()));
        }
        b.append(" ns");
        if (!Double.isNaN(s.bytesPerOp())) {
            b.append(", ").append(s.bytesPerOp() < 0.5 ? "0" : num(s.bytesPerOp())).append(" B");
        }
        return b.toString();
    }

    /** The other column's figure over jcoro's, as "1.33x"; "-" if either is missing. */
    static String ratio(double other, double jcoro) {
        if (Double.isNaN(other) || Double.isNaN(jcoro) || jcoro <= 0) {
            return "-";
        }
        return num(other / jcoro) + "x";
    }

    static String bytesOrDash(double b) {
        return Double.isNaN(b) ? "-" : num(b) + " B";
    }

    static String nanosOrDash(double ns) {
        return Double.isNaN(ns) ? "-" : num(ns) + " ns";
    }

    static String micros(double us) {
        if (Double.isNaN(us)) {
            return "-";
        }
        return us >= 1000 ? num(us / 1000) + " ms" : num(us) + " us";
    }

    /** "**met**", or "**missed**" with by how much in time and whether it allocates. */
    static String verdict(Score s, double target, boolean noAllocation) {
        boolean timeOk = s.nanos() <= target;
        boolean allocOk = !noAllocation || Double.isNaN(s.bytesPerOp()) || s.bytesPerOp() < 0.5;
        if (timeOk && allocOk) {
            return "**met**";
        }
        List<String> why = new ArrayList<>();
        if (!timeOk) {
            why.add("by " + num(s.nanos() - target) + " ns (" + num(s.nanos() / target) + "x)");
        }
        if (!allocOk) {
            why.add("allocates " + num(s.bytesPerOp()) + " B/op");
        }
        return "**missed** " + String.join(", ", why);
    }

    /** "**met**" if the value is at most the target, else by how much it missed. */
    static String verdictAtMost(double value, double target, String unit) {
        return value <= target ? "**met**" : "**missed** by " + num(value - target) + " " + unit + " (" + num(value / target) + "x)";
    }

    /** The 1-minute load average of a snapshot. */
    static String load(Object snapshot) {
        if (snapshot instanceof Map<?, ?> m) {
            return num(Results.number(m.get("load1")));
        }
        return "?";
    }

    /** ", after jmh 1.20, m1 0.50": the load after each part. */
    static String loads(Map<String, Object> afterParts) {
        if (afterParts == null || afterParts.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(", after");
        String sep = " ";
        for (Map.Entry<String, Object> e : afterParts.entrySet()) {
            b.append(sep).append(e.getKey()).append(' ').append(load(e.getValue()));
            sep = ", ";
        }
        return b.toString();
    }

    /** /proc/meminfo's "N kB" in GiB. */
    static String memory(Object meminfo) {
        String s = String.valueOf(meminfo);
        if (s.endsWith(" kB")) {
            return String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(s.substring(0, s.length() - 3).trim()) / 1048576.0);
        }
        return s;
    }
}
