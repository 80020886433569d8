package io.jcoro.core.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every frame label this JVM has met, by number. A capture stores a small int with each frame's
 * resume index (its upper 32 bits, see {@link Frames#endCapture}) instead of a reference to the
 * label: one store a frame, and no array of labels beside the saved values. The number is
 * handed to the class once per suspension point by a bootstrap ({@link Frames#frameLabel}), so
 * compiled code holds it as a constant; {@link SavedFrames} turns it back into the label.
 *
 * <p>Ids start at 1 (0 means "no label"), one per distinct label, never reused: a label stays
 * as long as the JVM, a few dozen bytes per suspension point of every instrumented class
 * loaded.
 */
final class FrameLabels {
    private static final Map<String, Integer> IDS = new HashMap<>();
    /** Index: id; slot 0 unused. Replaced whole when it grows, so readers need no lock. */
    private static volatile String[] labels = new String[64];

    private FrameLabels() {
    }

    /**
     * @param label a frame label ({@link SavedFrames} documents the format)
     * @return its id, the same for every call with an equal label
     */
    static synchronized int register(String label) {
        Integer known = IDS.get(label);
        if (known != null) {
            return known;
        }
        int id = IDS.size() + 1;
        String[] table = labels;
        if (id == table.length) {
            table = Arrays.copyOf(table, table.length * 2);
        }
        table[id] = label;
        labels = table; // publishes the new slot, also when the array is the same
        IDS.put(label, id);
        return id;
    }

    /**
     * @param id an id from {@link #register}, or anything else
     * @return its label, or null if no label has that id
     */
    static String label(int id) {
        String[] table = labels;
        return id > 0 && id < table.length ? table[id] : null;
    }
}
