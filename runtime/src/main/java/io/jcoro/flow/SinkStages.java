package io.jcoro.flow;

import io.jcoro.core.Sink;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The stage of each core {@link Sink} handed to this package ({@link Target#of}): one per sink
 * while it is in use, so that fan-in counts every upstream on the same stage. The map holds the
 * sink weakly and its stage through a weak reference (the stage refers to the sink, so a strong
 * value would keep the key alive for ever); the stages upstream hold the stage strongly.
 */
final class SinkStages {
    private static final Map<Sink<?>, WeakReference<Stage<?>>> STAGES = new WeakHashMap<>();

    private SinkStages() {
    }

    static synchronized <T> Stage<T> of(Sink<T> sink) {
        WeakReference<Stage<?>> ref = STAGES.get(sink);
        Stage<?> stage = ref == null ? null : ref.get();
        if (stage == null) {
            stage = Stage.wrap("sink", sink);
            STAGES.put(sink, new WeakReference<>(stage));
        }
        @SuppressWarnings("unchecked")
        Stage<T> typed = (Stage<T>) stage;
        return typed;
    }
}
