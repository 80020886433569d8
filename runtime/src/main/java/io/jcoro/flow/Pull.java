package io.jcoro.flow;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Pull pipelines of generators, the course's first half: each stage is a generator that pulls
 * from the one before it, and the consumer's {@code for} loop drives the whole chain.
 *
 * <pre>{@code
 * Generator<String> loglines = Follow.follow(path).lines();
 * Generator<String> pylines  = Pull.grep("python", loglines);
 * for (String line : pylines) System.out.println(line);
 * }</pre>
 *
 * <p>Closing a stage closes the generator it pulls from (if that is a {@link Generator} or
 * another {@link AutoCloseable}), so closing the last stage releases the whole chain, down to
 * the file the source has open.
 */
public final class Pull {
    private Pull() {
    }

    /**
     * The lines of a UTF-8 text file, without line terminators, read as they are pulled; the
     * file is closed when the generator finishes or is closed.
     *
     * @param file the file
     * @return the generator of its lines
     */
    public static Generator<String> lines(Path file) {
        Objects.requireNonNull(file, "file");
        return Generator.of(() -> readLines(file));
    }

    @Coroutine
    private static void readLines(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                Co.yield(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The course's {@code grep(pattern, lines)}: the lines that contain a pattern.
     *
     * @param pattern the substring to look for
     * @param lines   where the lines come from
     * @return the generator of matching lines
     */
    public static Generator<String> grep(String pattern, Iterable<String> lines) {
        Objects.requireNonNull(pattern, "pattern");
        return filter(line -> line.contains(pattern), lines);
    }

    /**
     * The items that satisfy a predicate.
     *
     * @param predicate the test
     * @param items     where the items come from
     * @param <T>       the type of the items
     * @return the generator of accepted items
     */
    public static <T> Generator<T> filter(Predicate<? super T> predicate, Iterable<T> items) {
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(items, "items");
        return Generator.of(() -> filterBody(predicate, items));
    }

    @Coroutine
    private static <T> void filterBody(Predicate<? super T> predicate, Iterable<T> items) {
        try {
            for (T item : items) {
                if (predicate.test(item)) {
                    Co.yield(item);
                }
            }
        } finally {
            closeSource(items);
        }
    }

    /**
     * {@code function(item)} for every item.
     *
     * @param function the transformation
     * @param items    where the items come from
     * @param <T>      the type of the items pulled
     * @param <R>      the type of the items yielded
     * @return the generator of results
     */
    public static <T, R> Generator<R> map(Function<? super T, ? extends R> function, Iterable<T> items) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(items, "items");
        return Generator.of(() -> mapBody(function, items));
    }

    @Coroutine
    private static <T, R> void mapBody(Function<? super T, ? extends R> function, Iterable<T> items) {
        try {
            for (T item : items) {
                Co.yield(function.apply(item));
            }
        } finally {
            closeSource(items);
        }
    }

    private static void closeSource(Object source) {
        if (source instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + source + ": " + e, e);
            }
        }
    }
}
