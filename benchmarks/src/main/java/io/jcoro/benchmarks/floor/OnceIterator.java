package io.jcoro.benchmarks.floor;

import io.jcoro.benchmarks.YieldedValues;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** B4's floor: the generator {@code yield box(1)} compiled by hand, with a peeking hasNext. */
public final class OnceIterator implements Iterator<Integer> {
    private static final int CREATED = 0;
    private static final int VALUE_READY = 1;
    private static final int VALUE_TAKEN = 2;
    private static final int DONE = 3;

    private int state = CREATED;
    private Integer value;

    @Override
    public boolean hasNext() {
        switch (state) {
            case CREATED:
                value = YieldedValues.box(1);       // run the body to its yield
                state = VALUE_READY;
                return true;
            case VALUE_READY:
                return true;
            case VALUE_TAKEN:
                value = null;                       // run the body on from its yield: it ends
                state = DONE;
                return false;
            default:
                return false;
        }
    }

    @Override
    public Integer next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        state = VALUE_TAKEN;
        return value;
    }
}
