package io.jcoro.samples.pipelines;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * logsim.py: simulates a busy web server by appending {@link AccessLog} lines to a file, a few
 * at a time, so the follow samples have a growing log to tail. Run it in the background
 * ({@code logsim access-log 100000 50}), or let the follow samples start one themselves.
 */
public final class LogSim implements Runnable {
    private final Path file;
    private final int lines;
    private final long intervalMillis;
    private volatile boolean done;

    /**
     * @param file           the log, appended to (created if missing)
     * @param lines          how many lines to write
     * @param intervalMillis the pause between lines
     */
    public LogSim(Path file, int lines, long intervalMillis) {
        this.file = file;
        this.lines = lines;
        this.intervalMillis = intervalMillis;
    }

    /**
     * Starts a simulation on a daemon thread.
     *
     * @param file           the log
     * @param lines          how many lines to write
     * @param intervalMillis the pause between lines
     * @return the running simulation; {@link #isDone()} says when it has written them all
     */
    public static LogSim start(Path file, int lines, long intervalMillis) {
        LogSim sim = new LogSim(file, lines, intervalMillis);
        Thread t = new Thread(sim, "logsim");
        t.setDaemon(true);
        t.start();
        return sim;
    }

    /** @return whether every line has been written and flushed */
    public boolean isDone() {
        return done;
    }

    @Override
    public void run() {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            for (int i = 0; i < lines; i++) {
                out.write(AccessLog.line(i));
                out.write('\n');
                out.flush();
                Thread.sleep(intervalMillis);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("logsim cannot write " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done = true;
        }
    }

    /** @param args {@code [FILE [LINES [INTERVAL_MS]]]}, default {@code access-log 1000 100} */
    public static void run(PrintStream out, String... args) {
        Path file = Path.of(args.length > 0 ? args[0] : "access-log");
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long interval = args.length > 2 ? Long.parseLong(args[2]) : 100;
        out.println("logsim: writing " + lines + " lines to " + file + ", one every " + interval + " ms");
        new LogSim(file, lines, interval).run();
        out.println("logsim: done");
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
