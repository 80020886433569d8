package io.jcoro.tests;

import io.jcoro.core.Generator;
import java.util.ArrayList;
import java.util.List;

/** Test helper: everything a generator yields, in order. */
public final class Drain {
    private Drain() {
    }

    public static <T> List<T> all(Generator<T> g) {
        List<T> out = new ArrayList<>();
        g.forEachRemaining(out::add);
        return out;
    }
}
