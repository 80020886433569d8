package io.jcoro.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the frames of saved state from the label ids in the resume index slots alone. */
class SavedFramesTest {
    private static Continuation saved(long... prims) {
        Continuation c = new Continuation.Idle();
        c.prims = prims;
        c.pTop = prims.length;
        return c;
    }

    private static long index(int index, String label) {
        return (long) FrameLabels.register(label) << 32 | index;
    }

    @Test
    void eachLabelSaysWhereTheNextFrameLies() {
        Continuation c = saved(
                42, index(3, "2 0 9 t.Inner/leaf/Inner.java"),              // innermost: a value and its index
                index(0, "1 0 -1 t.Outer/run/"));                          // outermost: no line, no file
        assertEquals(List.of(new StackTraceElement("t.Inner", "leaf", "Inner.java", 9),
                new StackTraceElement("t.Outer", "run", null, -1)), SavedFrames.read(c));
    }

    @Test
    void anIdWithoutALabelIsReportedAsCorruptState() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SavedFrames.read(saved((long) Integer.MAX_VALUE << 32)));
        assertEquals("cannot read the suspended frames (no frame label at primitive 0; 1 primitives and 0"
                + " references saved): was a class instrumented by a different jcoro version?", e.getMessage());
    }
}
