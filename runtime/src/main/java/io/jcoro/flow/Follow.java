package io.jcoro.flow;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * following restarts from its beginning; with {@link #byName()}, a file renamed and replaced by
 * a new one of the same name is followed into the new one ({@code tail -F}). A {@code Follow} is
 * an immutable description: each call of {@link #lines()}, {@link #open()} or {@link #sendTo}
 * follows the file anew from the same starting point.
 *
 * <p>In a task of a {@code Scheduler}, use {@link #open()} or {@link #sendTo}: they wait by
 * sleeping the task, so the other tasks run; {@link #lines()} sleeps its thread.
 */
public final class Follow {
    private static final Duration DEFAULT_POLL = Duration.ofMillis(100);

    final Path file;
    final long start;
    final Duration poll;
    final Instant deadline;
    final BooleanSupplier writerDone;
    final boolean endOfInput;
    final boolean byName;

    private Follow(Path file, long start, Duration poll, Instant deadline, BooleanSupplier writerDone,
                   boolean endOfInput, boolean byName) {
        this.file = file;
        this.start = start;
        this.poll = poll;
        this.deadline = deadline;
        this.writerDone = writerDone;
        this.endOfInput = endOfInput;
        this.byName = byName;
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
            return new Follow(file, Files.size(file), DEFAULT_POLL, null, null, false, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot follow " + file, e);
        }
    }

    /** @return the same, but starting at the beginning of the file */
    public Follow fromStart() {
        return new Follow(file, 0, poll, deadline, writerDone, endOfInput, byName);
    }

    /**
     * @param interval how long to sleep when there is nothing new (default 100 ms)
     * @return the same, polling at that interval
     */
    public Follow pollEvery(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive: " + interval);
        }
        return new Follow(file, start, interval, deadline, writerDone, endOfInput, byName);
    }

    /**
     * @param deadline when to stop waiting for more lines
     * @return the same, stopping at the first wait past the deadline
     */
    public Follow until(Instant deadline) {
        return new Follow(file, start, poll, Objects.requireNonNull(deadline, "deadline"), writerDone,
                endOfInput, byName);
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
        return new Follow(file, start, poll, deadline, Objects.requireNonNull(done, "done"), endOfInput, byName);
    }

    /** @return the same, stopping at the first end of file (reading a file that is complete) */
    public Follow untilEndOfInput() {
        return new Follow(file, start, poll, deadline, writerDone, true, byName);
    }

    /**
     * Follows the name rather than the open file, as {@code tail -F}: when the log is renamed
     * (rotated) and a new file created under its name, the old file is read to its end and
     * following goes on from the start of the new one. While no file has the name, the old one
     * stays open. Files are told apart by their file key (the inode); where the file system has
     * none, only truncation is seen, as without this option.
     *
     * @return the same, following the name
     */
    public Follow byName() {
        return new Follow(file, start, poll, deadline, writerDone, endOfInput, true);
    }

    /**
     * The lines as a generator; closing it closes the file. It waits for new lines by sleeping
     * its thread, so in a task of a {@code Scheduler} use {@link #open()} or {@link #sendTo}
     * instead, which sleep the task.
     *
     * @return a generator of the lines
     */
    public Generator<String> lines() {
        return Generator.of(this::tail);
    }

    /**
     * Starts following: opens the file at the starting point. In a task, {@link Tail#readLine()}
     * waits by sleeping the task, so the scheduler's other tasks run meanwhile.
     *
     * @return the open tail, to read with {@link Tail#readLine()} and close
     * @throws UncheckedIOException if the file cannot be opened
     */
    public Tail open() {
        return new Tail(this, false);
    }

    /**
     * The course's push form, {@code follow(thefile, target)}: sends every line into the target,
     * then closes it when following stops (or fails, or the task is cancelled). Called in a task
     * (it is a {@code @Coroutine} method), it waits for new lines by sleeping the task, not the
     * thread; elsewhere it sleeps the thread.
     *
     * @param target the head of a push pipeline: a {@link Stage}, a core {@code Sink}, any
     *               {@link java.util.function.Consumer} ({@link Target#of})
     * @throws StageException if a stage fails
     */
    @Coroutine
    public void sendTo(java.util.function.Consumer<? super String> target) {
        Target<? super String> head = Target.of(target);
        try (Tail tail = open()) {
            for (String line; (line = tail.readLine()) != null; ) {
                head.send(line);
            }
        } catch (RuntimeException | Error e) {
            Sources.closeAfterFailure(head, e);
            throw e;
        }
        head.close();
    }

    @Coroutine
    private void tail() {
        try (Tail tail = new Tail(this, true)) {
            for (String line; (line = tail.readLine()) != null; ) {
                Co.yield(line);
            }
        }
    }

    @Override
    public String toString() {
        return "Follow[" + file + " from " + start + "]";
    }
}
