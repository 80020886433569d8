package io.jcoro.benchmarks.floor;

import io.jcoro.benchmarks.YieldedValues;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * B1's floor: the generator {@code i = 0; while (true) { yield box(i); i++; }} compiled by hand
 * into a state machine, as javac compiles a C# iterator or Kotlin a sequence builder.
 */
public final class CountingIterator implements Iterator<Integer> {
    private static final int CREATED = 0;
    private static final int AT_YIELD = 1;

    private int state = CREATED;
    private int i;

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Integer next() {
        switch (state) {
            case CREATED:
                i = 0;
                state = AT_YIELD;
                break;
            case AT_YIELD:
                i++;
                break;
            default:
                throw new NoSuchElementException();
        }
        return YieldedValues.box(i);
    }
}
