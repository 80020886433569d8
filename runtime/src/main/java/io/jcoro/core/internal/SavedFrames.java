package io.jcoro.core.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a suspended continuation's frames from its saved state alone, without running any of
 * them: what {@link io.jcoro.core.Generator#suspendedFrames()} reports.
 *
 * <p>When a frame is captured, its resume index, the last value it pushes, carries the id of a
 * <em>label</em> in the upper half of its slot ({@link FrameLabels}): a string constant of the
 * instrumented class, one per suspension point, that describes the frame and says how many
 * values it saved:
 * <pre>
 *   "P R LINE CLASS/METHOD/FILE"      e.g. "3 2 44 com.example.Walker/descend/Walker.java"
 * </pre>
 * {@code P} counts its entries on the primitive stack (its resume index included), {@code R} on
 * the reference stack; {@code LINE} is the suspension point's line, or -1;
 * {@code CLASS} is the binary name, which cannot contain {@code /}, nor can a method name;
 * {@code FILE} (the source file, possibly empty) comes last so it may contain anything. The
 * outermost frame is on top of the stacks, so the labels are read from the top down, each one
 * saying how far down the next frame's index lies. The label lives in the class itself (its
 * constant pool, the argument of the bootstrap that numbers it), so this works whoever
 * instrumented the class, and costs a capture nothing but the upper half of a store it makes
 * anyway (see {@link Frames#endCapture}).
 */
public final class SavedFrames {
    private SavedFrames() {
    }

    /**
     * @param c a suspended continuation (not running: its stacks are still)
     * @return its frames, innermost first
     * @throws IllegalStateException if the stacks do not decode into whole frames
     */
    public static List<StackTraceElement> read(Continuation c) {
        List<StackTraceElement> frames = new ArrayList<>();
        int p = c.pTop;
        int r = c.rTop;
        while (p > 0) {
            String s = FrameLabels.label((int) (c.prims[p - 1] >>> 32));
            if (s == null) {
                throw corrupt(c, "no frame label at primitive " + (p - 1));
            }
            int space1 = s.indexOf(' ');
            int space2 = s.indexOf(' ', space1 + 1);
            int space3 = s.indexOf(' ', space2 + 1);
            int slash1 = s.indexOf('/', space3 + 1);
            int slash2 = s.indexOf('/', slash1 + 1);
            if (space1 < 0 || space2 < 0 || space3 < 0 || slash1 < 0 || slash2 < 0) {
                throw corrupt(c, "malformed frame label \"" + s + "\"");
            }
            int prims = number(c, s, 0, space1);
            int refs = number(c, s, space1 + 1, space2);
            int line = number(c, s, space2 + 1, space3);
            if (prims < 1 || refs < 0 || prims > p || refs > r) {
                throw corrupt(c, "frame label \"" + s + "\" does not fit the stacks");
            }
            String file = slash2 + 1 == s.length() ? null : s.substring(slash2 + 1);
            frames.add(new StackTraceElement(s.substring(space3 + 1, slash1), s.substring(slash1 + 1, slash2),
                    file, line));
            p -= prims;
            r -= refs;
        }
        if (p != 0 || r != 0) {
            throw corrupt(c, "the saved values do not divide into whole frames");
        }
        Collections.reverse(frames);
        return frames;
    }

    private static int number(Continuation c, String label, int from, int to) {
        try {
            return Integer.parseInt(label, from, to, 10);
        } catch (NumberFormatException e) {
            throw corrupt(c, "malformed frame label \"" + label + "\"");
        }
    }

    private static IllegalStateException corrupt(Continuation c, String why) {
        return new IllegalStateException("cannot read the suspended frames (" + why + "; "
                + c.pTop + " primitives and " + c.rTop + " references saved): was a class"
                + " instrumented by a different jcoro version?");
    }
}
