package io.jcoro.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A daemon thread that copies a child's output stream as it comes, without ever holding more
 * than a bounded amount of it: standard output line by line (a line over the limit is a
 * failure, kept for the coprocess to report), standard error as its last few kilobytes.
 */
final class OutputCopier {
    private final Thread thread;
    private final StringBuilder tail = new StringBuilder();
    private final int tailChars;
    private volatile Throwable failure;

    private OutputCopier(String name, int tailChars, Runnable body) {
        this.tailChars = tailChars;
        this.thread = new Thread(body, name);
        thread.setDaemon(true);
    }

    /**
     * Copies lines (ended by {@code \n}, {@code \r} or {@code \r\n}, as
     * {@link java.io.BufferedReader#readLine()} ends them) to {@code sink}.
     *
     * @param onFailure run on the copier's thread when it fails, after the failure is recorded
     */
    static OutputCopier lines(InputStream in, int maxLineChars, Consumer<String> sink, String name,
                              Runnable onFailure) {
        OutputCopier[] self = new OutputCopier[1];
        self[0] = new OutputCopier(name, 0, () -> self[0].copyLines(in, maxLineChars, sink, onFailure));
        self[0].thread.start();
        return self[0];
    }

    /** Keeps the last {@code tailChars} characters of the stream. */
    static OutputCopier tail(InputStream in, int tailChars, String name) {
        OutputCopier[] self = new OutputCopier[1];
        self[0] = new OutputCopier(name, tailChars, () -> self[0].keepTail(in));
        self[0].thread.start();
        return self[0];
    }

    private void copyLines(InputStream in, int max, Consumer<String> sink, Runnable onFailure) {
        StringBuilder line = new StringBuilder();
        char[] buffer = new char[8192];
        boolean afterCr = false;
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int n; (n = r.read(buffer)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c == '\n' && afterCr) {
                        afterCr = false;
                        continue;
                    }
                    afterCr = c == '\r';
                    if (c == '\n' || c == '\r') {
                        sink.accept(line.toString());
                        line.setLength(0);
                    } else if (line.length() == max) {
                        throw new IllegalStateException("a line of its standard output is longer than " + max
                                + " characters (CoprocessLimits.maxLineChars); it begins "
                                + quote(line.substring(0, Math.min(60, max))));
                    } else {
                        line.append(c);
                    }
                }
            }
            if (line.length() > 0) {
                sink.accept(line.toString());
            }
        } catch (IOException e) {
            // the child is gone; its exit status tells the rest
        } catch (RuntimeException | Error e) {
            failure = e;
            onFailure.run();
        }
    }

    private void keepTail(InputStream in) {
        char[] buffer = new char[4096];
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int n; (n = r.read(buffer)) >= 0; ) {
                synchronized (tail) {
                    tail.append(buffer, 0, n);
                    if (tail.length() > tailChars) {
                        tail.delete(0, tail.length() - tailChars);
                    }
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    private static String quote(String s) {
        return '"' + s.replace("\n", "\\n") + "...\"";
    }

    /** @return what made the copier stop early, or null */
    Throwable failure() {
        return failure;
    }

    /** @return what is kept of the stream, without surrounding blank space */
    String tailText() {
        synchronized (tail) {
            return tail.toString().strip();
        }
    }

    /**
     * Waits for the copier to reach the end of the stream.
     *
     * @return whether it did within the time
     */
    boolean join(long millis) throws InterruptedException {
        thread.join(Math.max(1, millis));
        return !thread.isAlive();
    }
}
