package io.jcoro.flow;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The course's {@code follow}: the lines of a growing file, like Unix {@code tail -f}.
 *
 * <pre>{@code
 * for (String line : Follow.follow(Path.of("access-log")).lines()) {     // forever
 *     System.out.println(line);
 * }
 * Follow.follow(log).fromStart().until(writer::isDone).sendTo(printer);  // push, then stop
 * }</pre>
 *
 * <p>By default it starts at the end of the file as it is when {@link #follow(Path)} is called
 * (so nothing written after that call is missed, even before the generator is first advanced),
 * polls every 100 ms when there is nothing new, and never stops by itself. Ways to stop:
 * closing the generator (the file is closed), {@linkplain #until(Instant) a deadline},
 * {@linkplain #untilEndOfInput() the first end of file}, or {@linkplain #until(BooleanSupplier)
 * the end of file once the writer says it is done}.
 *
 * <p>Lines are decoded as UTF-8 and returned without their terminator ({@code \n} or
 * {@code \r\n}); a line is returned only once its terminator has been written, except a last
 * unterminated line when following stops. If the file shrinks (it was truncated or rotated),
 * following restarts from its beginning. A {@code Follow} is an immutable description: each
 * call of {@link #lines()} follows the file anew from the same starting point.
 */
public final class Follow {
    private static final Duration DEFAULT_POLL = Duration.ofMillis(100);
    private static final int CHUNK = 8192;

    private final Path file;
    private final long start;
    private final Duration poll;
    private final Instant deadline;
    private final BooleanSupplier writerDone;
    private final boolean endOfInput;

    private Follow(Path file, long start, Duration poll, Instant deadline, BooleanSupplier writerDone,
                   boolean endOfInput) {
        this.file = file;
        this.start = start;
        this.poll = poll;
        this.deadline = deadline;
        this.writerDone = writerDone;
        this.endOfInput = endOfInput;
    }

    /**
     * Follows a file from its current end.
     *
     * @param file the file, which must exist
     * @return the description, to refine and then run with {@link #lines()} or {@link #sendTo}
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Follow follow(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return new Follow(file, Files.size(file), DEFAULT_POLL, null, null, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot follow " + file, e);
        }
    }

    /** @return the same, but starting at the beginning of the file */
    public Follow fromStart() {
        return new Follow(file, 0, poll, deadline, writerDone, endOfInput);
    }

    /**
     * @param interval how long to sleep when there is nothing new (default 100 ms)
     * @return the same, polling at that interval
     */
    public Follow pollEvery(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive: " + interval);
        }
        return new Follow(file, start, interval, deadline, writerDone, endOfInput);
    }

    /**
     * @param deadline when to stop waiting for more lines
     * @return the same, stopping at the first wait past the deadline
     */
    public Follow until(Instant deadline) {
        return new Follow(file, start, poll, Objects.requireNonNull(deadline, "deadline"), writerDone,
                endOfInput);
    }

    /**
     * @param timeout how long from now to keep following
     * @return the same, with a deadline that long from now
     */
    public Follow forAtMost(Duration timeout) {
        return until(Instant.now().plus(timeout));
    }

    /**
     * @param done whether the writer has finished; checked before each read at end of file
     * @return the same, stopping at the end of file once {@code done} has said true before the
     *         last read (so every line the writer wrote is returned)
     */
    public Follow until(BooleanSupplier done) {
        return new Follow(file, start, poll, deadline, Objects.requireNonNull(done, "done"), endOfInput);
    }

    /** @return the same, stopping at the first end of file (reading a file that is complete) */
    public Follow untilEndOfInput() {
        return new Follow(file, start, poll, deadline, writerDone, true);
    }

    /** @return a generator of the lines; closing it closes the file */
    public Generator<String> lines() {
        return Generator.of(this::tail);
    }

    /**
     * The course's push form, {@code follow(thefile, target)}: sends every line into the target,
     * then closes it when following stops (or fails).
     *
     * @param target the head of a push pipeline
     * @throws StageException if a stage fails
     */
    public void sendTo(Target<? super String> target) {
        Sources.feed(lines(), target);
    }

    @Coroutine
    private void tail() {
        LineBuffer buffer = new LineBuffer();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = start <= channel.size() ? start : 0;
            while (true) {
                String line = buffer.nextLine();
                if (line != null) {
                    Co.yield(line);
                    continue;
                }
                boolean finished = writerDone != null && writerDone.getAsBoolean();
                if (channel.size() < position) {
                    position = 0;          // truncated or rotated: start over
                    buffer.clear();
                }
                chunk.clear();
                int n = channel.read(chunk, position);
                if (n > 0) {
                    position += n;
                    buffer.add(chunk.array(), n);
                    continue;
                }
                if (endOfInput || finished || pastDeadline()) {
                    break;
                }
                sleep();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot follow " + file, e);
        }
        String rest = buffer.rest();
        if (rest != null) {
            Co.yield(rest);
        }
    }

    private boolean pastDeadline() {
        return deadline != null && !Instant.now().isBefore(deadline);
    }

    private void sleep() {
        long millis = poll.toMillis();
        if (deadline != null) {
            millis = Math.min(millis, Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
        }
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while following " + file, e);
        }
    }

    @Override
    public String toString() {
        return "Follow[" + file + " from " + start + "]";
    }
}
