package io.jcoro.flow;

import io.jcoro.core.Co;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Push stages that both receive and send: the course's filters ({@code grep}), a map and a
 * filter for any item type, and {@code broadcast}, which fans a stream out to several targets.
 * Each returns a {@link Stage}: closing it closes its targets, and a failure names it. A target
 * is any {@link Consumer}: a stage, a core {@code Sink}, a lambda ({@link Target#of}).
 *
 * <pre>{@code
 * Stage<String> printer = Sinks.printer(System.out);   // shared by both greps: fan-in
 * Stage<String> head = Filters.broadcast(
 *         Filters.grep("python", printer),
 *         Filters.grep("swig", printer));
 * }</pre>
 */
public final class Filters {
    private Filters() {
    }

    /**
     * The course's {@code grep(pattern, target)}: passes on the lines that contain a pattern.
     *
     * @param pattern the substring to look for
     * @param target  where matching lines go
     * @return the stage, named {@code "grep PATTERN"}
     */
    public static Stage<String> grep(String pattern, Consumer<? super String> target) {
        Objects.requireNonNull(pattern, "pattern");
        return filter("grep " + pattern, line -> line.contains(pattern), target);
    }

    /**
     * Passes on {@code function(item)} for every item.
     *
     * @param name     the stage's name in error messages
     * @param function the transformation; whatever it throws fails the stage
     * @param downstream where results go
     * @param <T>      the type of the items received
     * @param <R>      the type of the items sent on
     * @return the stage
     */
    public static <T, R> Stage<T> map(String name, Function<? super T, ? extends R> function,
                                      Consumer<? super R> downstream) {
        Objects.requireNonNull(function, "function");
        Target<? super R> target = Target.of(downstream);
        return Stage.of(name, () -> {
            while (true) {
                T item = Co.receive();
                target.send(function.apply(item));
            }
        }, target);
    }

    /**
     * Passes on the items that satisfy a predicate.
     *
     * @param name      the stage's name in error messages
     * @param predicate the test; whatever it throws fails the stage
     * @param downstream where accepted items go
     * @param <T>       the type of the items
     * @return the stage
     */
    public static <T> Stage<T> filter(String name, Predicate<? super T> predicate,
                                      Consumer<? super T> downstream) {
        Objects.requireNonNull(predicate, "predicate");
        Target<? super T> target = Target.of(downstream);
        return Stage.of(name, () -> {
            while (true) {
                T item = Co.receive();
                if (predicate.test(item)) {
                    target.send(item);
                }
            }
        }, target);
    }

    /**
     * The course's {@code broadcast(targets)}: sends every item to each target in turn.
     *
     * @param targets where every item goes, in this order
     * @param <T>     the type of the items
     * @return the stage, named {@code "broadcast"}
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // Arrays.asList only reads the array
    public static <T> Stage<T> broadcast(Consumer<? super T>... targets) {
        return Filters.<T>broadcast(Arrays.asList(targets));
    }

    /**
     * As {@link #broadcast(Consumer[])}, from a list.
     *
     * @param targets where every item goes, in this order
     * @param <T>     the type of the items
     * @return the stage, named {@code "broadcast"}
     */
    public static <T> Stage<T> broadcast(List<? extends Consumer<? super T>> targets) {
        List<Target<? super T>> copy = new java.util.ArrayList<>(targets.size());
        for (Consumer<? super T> c : targets) {
            copy.add(Target.of(c));
        }
        return Stage.of("broadcast", () -> {
            while (true) {
                T item = Co.receive();
                for (Target<? super T> target : copy) {
                    target.send(item);
                }
            }
        }, copy.toArray(new Target<?>[0]));
    }
}
