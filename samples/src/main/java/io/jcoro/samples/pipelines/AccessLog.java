package io.jcoro.samples.pipelines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated web server access log (Apache's combined format, as the course's "access-log"):
 * line {@code i} is always the same, so transcripts can be checked. About one request in eight
 * is for a python page, others for ply and swig, which the grep samples look for; the three
 * client addresses the access-log statistics (file 003) count appear often.
 */
public final class AccessLog {
    /** The addresses file 003's map stages count. */
    public static final List<String> COUNTED = List.of("83.149.9.216", "93.114.45.13", "207.241.237.101");

    private static final String[] PATHS = {"/index.html", "/python/tutorial.html", "/ply/ply.html",
        "/swig/download.html", "/favicon.ico", "/python/generators.pdf", "/ply/ply-2.3.tar.gz",
        "/robots.txt", "/swig/swig.html", "/coroutines/Coroutines.pdf", "/cgi-bin/wiki.pl",
        "/images/logo.png", "/papers/python-threads.pdf", "/software/index.html", "/blog/index.rss",
        "/about.html"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
        "Sep", "Oct", "Nov", "Dec"};
    private static final int[] STATUS = {200, 200, 200, 200, 200, 200, 304, 404};

    private AccessLog() {
    }

    /**
     * @param i the line number, from 0
     * @return line {@code i} of the log, without a line terminator
     */
    public static String line(int i) {
        long r = mix(0x5EEDL + i);
        String ip = address(r);
        long seconds = i * 3L + (r >>> 62);            // about three seconds apart, in order
        int day = 24 + (int) (seconds / 86400);
        long s = seconds % 86400;
        String time = String.format("%02d/%s/2008:%02d:%02d:%02d -0600", day, MONTHS[1],
                10 + s / 3600 % 14, s / 60 % 60, s % 60);
        String path = PATHS[(int) ((r >>> 8) & 15)];
        int status = STATUS[(int) ((r >>> 12) & 7)];
        long bytes = status == 200 ? 200 + (r >>> 16) % 90000 : 0;
        return ip + " - - [" + time + "] \"GET " + path + " HTTP/1.1\" " + status + " " + bytes;
    }

    /**
     * @param n how many lines
     * @return the first {@code n} lines
     */
    public static List<String> lines(int n) {
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(line(i));
        }
        return lines;
    }

    /**
     * Writes the first {@code n} lines to a file.
     *
     * @param file the file, replaced
     * @param n    how many lines
     */
    public static void write(Path file, int n) {
        try {
            Files.write(file, lines(n), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String address(long r) {
        int pick = (int) (r & 63);
        if (pick < 4) {
            return COUNTED.get(0);
        }
        if (pick < 6) {
            return COUNTED.get(1);
        }
        if (pick < 7) {
            return COUNTED.get(2);
        }
        long a = r >>> 20;
        return (11 + a % 200) + "." + (a >>> 8) % 256 + "." + (a >>> 16) % 256 + "." + (1 + (a >>> 24) % 254);
    }

    private static long mix(long z) {
        z *= 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
