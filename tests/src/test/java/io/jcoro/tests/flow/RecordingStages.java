package io.jcoro.tests.flow;

import io.jcoro.core.Co;
import io.jcoro.flow.Stage;
import io.jcoro.flow.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test stages that record, in {@link #closed}, the order in which their finally blocks run. */
public final class RecordingStages {
    /** Stage names, in the order they closed. */
    public final List<String> closed = Collections.synchronizedList(new ArrayList<>());

    /** @return a pass-through stage named {@code name} */
    public <T> Stage<T> relay(String name, Target<? super T> target) {
        return Stage.of(name, () -> {
            try {
                while (true) {
                    T item = Co.receive();
                    target.send(item);
                }
            } finally {
                closed.add(name);
            }
        }, target);
    }

    /** @return a sink named {@code name} that adds every item to {@code into} */
    public <T> Stage<T> collect(String name, List<? super T> into) {
        return Stage.of(name, () -> {
            try {
                while (true) {
                    T item = Co.receive();
                    into.add(item);
                }
            } finally {
                closed.add(name);
            }
        });
    }
}
