package io.jcoro.flow;

import io.jcoro.core.Coroutine;
import io.jcoro.sched.Syscalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link Follow} being followed: an open file and a position, read one line at a time with
 * {@link #readLine()}. This is the form for tasks: in a task of a {@code Scheduler},
 * {@code readLine} waits for new lines by sleeping the task ({@code Syscalls.sleep}), so the
 * other tasks run meanwhile; on a plain thread it sleeps the thread.
 *
 * <pre>{@code
 * sched.spawn(() -> {
 *     try (Tail tail = Follow.follow(log).open()) {
 *         for (String line; (line = tail.readLine()) != null; ) handle(line);
 *     }
 * });
 * }</pre>
 *
 * Call {@code readLine} from the task's own {@code @Coroutine} code, not from inside a
 * {@code Generator} the task iterates: a sleep would suspend that generator, not the task (which
 * is why {@link Follow#lines()} sleeps its thread).
 */
public final class Tail implements AutoCloseable {
    private static final int CHUNK = 8192;

    private final Follow spec;
    /** Sleep the thread even in a task: the tail runs inside a generator ({@link Follow#lines()}). */
    private final boolean threadOnly;
    private final LineBuffer buffer = new LineBuffer();
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    private FileChannel channel;
    /** The identity of the open file (inode), to see it replaced under its name; may be null. */
    private Object fileKey;
    private long position;
    /** The last unterminated line of a file that was replaced, returned before the new file's lines. */
    private String pending;
    private boolean ended;

    Tail(Follow spec, boolean threadOnly) {
        this.spec = spec;
        this.threadOnly = threadOnly;
        try {
            this.fileKey = keyOf(spec.file);
            this.channel = FileChannel.open(spec.file, StandardOpenOption.READ);
            this.position = spec.start <= channel.size() ? spec.start : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot follow " + spec.file, e);
        }
    }

    /**
     * The next line, waiting for it if need be; null once following stops (a deadline, the end of
     * input, the writer done: see {@link Follow}), and after {@link #close()}.
     *
     * @return the line, without its terminator, or null
     * @throws UncheckedIOException if the file cannot be read
     * @throws io.jcoro.sched.Cancelled in a task, if it is cancelled or a deadline passes while it waits
     */
    @Coroutine
    public String readLine() {
        if (ended) {
            return null;
        }
        try {
            while (true) {
                if (pending != null) {
                    String p = pending;
                    pending = null;
                    return p;
                }
                String line = buffer.nextLine();
                if (line != null) {
                    return line;
                }
                boolean finished = spec.writerDone != null && spec.writerDone.getAsBoolean();
                if (channel.size() < position) {
                    position = 0;          // truncated (copytruncate): start over
                    buffer.clear();
                }
                chunk.clear();
                int n = channel.read(chunk, position);
                if (n > 0) {
                    position += n;
                    buffer.add(chunk.array(), n);
                    continue;
                }
                if (spec.byName && replaced()) {
                    continue;              // renamed and recreated (tail -F): on to the new file
                }
                if (spec.endOfInput || finished || pastDeadline()) {
                    String rest = buffer.rest();
                    close();
                    return rest;
                }
                pause();
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot follow " + spec.file, e);
        }
    }

    /**
     * At the end of the open file: if another file now has its name, switch to it, from its
     * start. A name with no file (between the rename and the new file) keeps the old one open.
     */
    private boolean replaced() throws IOException {
        Object now;
        try {
            now = keyOf(spec.file);
        } catch (NoSuchFileException gone) {
            return false;
        }
        if (now == null || now.equals(fileKey)) {
            return false;
        }
        FileChannel fresh;
        try {
            fresh = FileChannel.open(spec.file, StandardOpenOption.READ);
        } catch (NoSuchFileException gone) {
            return false;
        }
        pending = buffer.rest(); // the old file's unterminated last line, if any
        channel.close();
        channel = fresh;
        fileKey = now;
        position = 0;
        return true;
    }

    private static Object keyOf(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private boolean pastDeadline() {
        return spec.deadline != null && !Instant.now().isBefore(spec.deadline);
    }

    @Coroutine
    private void pause() {
        long millis = spec.poll.toMillis();
        if (spec.deadline != null) {
            millis = Math.min(millis, Math.max(1, Duration.between(Instant.now(), spec.deadline).toMillis()));
        }
        millis = Math.max(1, millis);
        if (!threadOnly && Syscalls.inTask()) {
            Syscalls.sleep(millis);
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while following " + spec.file, e);
        }
    }

    /** Closes the file; {@link #readLine()} returns null from now on. Does nothing the second time. */
    @Override
    public void close() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + spec.file, e);
        }
    }

    @Override
    public String toString() {
        return "Tail[" + spec.file + " at " + position + (ended ? ", ended]" : "]");
    }
}
