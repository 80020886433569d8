package io.jcoro.benchmarks.floor;

import io.jcoro.benchmarks.YieldedValues;
import java.util.Iterator;

/**
 * B2's floor: a generator whose yield is {@code depth} frames deep, suspended the way an
 * instrumenter does it, written by hand. On a yield every frame saves what it needs (its resume
 * point; the innermost also its counter) and returns; on the next call every frame re-enters,
 * pops what it saved and calls the next frame down, until the innermost continues after its
 * yield. The frames are the same as the jcoro benchmark's ({@code depth - 1} calls of a
 * recursive method below the body, nothing else live), but the state is passed in as
 * {@code this} (no lookup of the running coroutine), nothing is checked (no handshake), and the
 * saved values go into one int array.
 */
public final class RewindFrames implements Iterator<Integer> {
    private static final int NORMAL = 0;
    private static final int CAPTURING = 1;
    private static final int RESTORING = 2;
    /** The only call site of a frame, and the only yield of the innermost. */
    private static final int RESUME_POINT = 0;

    private final int depth;
    /** Saved frames: the innermost at the bottom, each frame's resume point on top of its values. */
    private final int[] saved;
    private int top;
    private int mode = NORMAL;
    private boolean started;
    private Integer value;

    /** @param depth frames on the stack when it yields, the body included (at least 1) */
    public RewindFrames(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1: " + depth);
        }
        this.depth = depth;
        this.saved = new int[depth + 1];
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Integer next() {
        mode = started ? RESTORING : NORMAL;
        started = true;
        frame(depth);
        mode = NORMAL;                      // the capture reached the bottom
        return value;
    }

    private void frame(int k) {
        if (k == 1) {
            innermost();
            return;
        }
        if (mode == RESTORING && saved[--top] != RESUME_POINT) {
            throw new IllegalStateException("bad resume point");
        }
        frame(k - 1);
        if (mode == CAPTURING) {
            saved[top++] = RESUME_POINT;
        }
    }

    private void innermost() {
        int i;
        if (mode == RESTORING) {
            if (saved[--top] != RESUME_POINT) {
                throw new IllegalStateException("bad resume point");
            }
            i = saved[--top];
            mode = NORMAL;
            i++;                            // the code after the yield
        } else {
            i = 0;
        }
        value = YieldedValues.box(i);       // yield box(i): save i and the resume point, unwind
        mode = CAPTURING;
        saved[top++] = i;
        saved[top++] = RESUME_POINT;
    }
}
