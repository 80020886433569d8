package io.jcoro.flow;

import io.jcoro.core.Co;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Objects;

/**
 * The ends of push pipelines: a printer, a collecting sink and a sink that drops everything.
 * Each is a {@link Stage}, so several stages may feed one of them (fan-in): it closes when the
 * last of them closes.
 */
public final class Sinks {
    private Sinks() {
    }

    /**
     * The course's {@code printer()}: prints every item on its own line.
     *
     * @param out where to print
     * @param <T> the type of the items
     * @return the stage, named {@code "printer"}
     */
    public static <T> Stage<T> printer(PrintStream out) {
        Objects.requireNonNull(out, "out");
        return Stage.of("printer", () -> {
            while (true) {
                T item = Co.receive();
                out.println(item);
            }
        });
    }

    /**
     * Adds every item to a collection, which the caller reads once the pipeline has closed.
     *
     * @param into the collection to fill (not synchronized: fill it from one thread)
     * @param <T>  the type of the items
     * @return the stage, named {@code "collector"}
     */
    public static <T> Stage<T> collector(Collection<? super T> into) {
        Objects.requireNonNull(into, "into");
        return Stage.of("collector", () -> {
            while (true) {
                T item = Co.receive();
                into.add(item);
            }
        });
    }

    /**
     * The benchmark's {@code null()} sink: receives items and drops them.
     *
     * @param <T> the type of the items
     * @return the stage, named {@code "discard"}
     */
    public static <T> Stage<T> discard() {
        return Stage.of("discard", () -> {
            while (true) {
                Co.receive();
            }
        });
    }
}
