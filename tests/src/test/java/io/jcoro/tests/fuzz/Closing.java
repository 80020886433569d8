package io.jcoro.tests.fuzz;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What the programs delegate to with {@code Co.yieldFrom}: an iterable whose iterators are
 * {@code AutoCloseable} and print when created and closed, so that PEP 380's close forwarding
 * (closing the delegating generator closes the iterator) shows in the transcript.
 */
public final class Closing implements Iterable<Object> {
    private final String name;
    private final List<Object> items;

    /**
     * @param name printed when an iterator is created and closed
     * @param items the elements
     */
    public Closing(String name, Object... items) {
        this.name = name;
        this.items = Arrays.asList(items);
    }

    @Override
    public Iterator<Object> iterator() {
        Trace.e("iterate " + name);
        return new ClosingIterator();
    }

    private final class ClosingIterator implements Iterator<Object>, AutoCloseable {
        private int next;

        @Override
        public boolean hasNext() {
            return next < items.size();
        }

        @Override
        public Object next() {
            if (next >= items.size()) {
                throw new NoSuchElementException();
            }
            return items.get(next++);
        }

        @Override
        public void close() {
            Trace.e("close " + name + " after " + next);
        }
    }
}
