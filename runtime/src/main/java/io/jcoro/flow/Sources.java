package io.jcoro.flow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sources that drive push pipelines: plain loops (not coroutines) that send each item into a
 * target and close it at the end. If the source itself fails, the target is closed too, so a
 * pipeline never stays half-alive; see also {@link Follow#sendTo} for a growing file. The
 * target is any {@link Consumer}: a stage, a core {@code Sink}, a lambda ({@link Target#of}).
 */
public final class Sources {
    private Sources() {
    }

    /**
     * Sends every item into the target, then closes it (on failure too).
     *
     * @param items  the items, in order
     * @param head   the head of the pipeline
     * @param <T>    the type of the items
     * @throws StageException if a stage fails
     */
    public static <T> void feed(Iterable<? extends T> items, Consumer<? super T> head) {
        Objects.requireNonNull(items, "items");
        Target<? super T> target = Target.of(head);
        try {
            for (T item : items) {
                target.send(item);
            }
        } catch (RuntimeException | Error e) {
            closeAfterFailure(target, e);
            throw e;
        }
        target.close();
    }

    /**
     * Sends every line of a UTF-8 text file (without its line terminator) into the target,
     * then closes it.
     *
     * @param file   the file
     * @param head   the head of the pipeline
     * @throws UncheckedIOException if the file cannot be read
     * @throws StageException       if a stage fails
     */
    public static void lines(Path file, Consumer<? super String> head) {
        Target<? super String> target = Target.of(head);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                target.send(line);
            }
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("cannot read " + file, e);
            closeAfterFailure(target, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            closeAfterFailure(target, e);
            throw e;
        }
        target.close();
    }

    /**
     * Closes a pipeline whose source failed; what closing throws is added to the failure.
     *
     * @param target  the head of the pipeline
     * @param failure what the source is about to throw
     */
    public static void closeAfterFailure(Target<?> target, Throwable failure) {
        try {
            target.close();
        } catch (RuntimeException | Error e) {
            if (e != failure) {
                failure.addSuppressed(e);
            }
        }
    }
}
