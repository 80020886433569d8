package io.jcoro.tests.instrument.other;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;

/**
 * Hands out values of a class that code outside this package cannot name: a public method
 * whose declared return type is package-private.
 */
public final class Factory {
    private Factory() {
    }

    /** @param label a label @return a value of a package-private class */
    public static Hidden make(String label) {
        return new Hidden(label);
    }

    /** A public base the hidden class extends, with a coroutine to call on it. */
    public abstract static class Visible {
        /** @return a description, after yielding once */
        @Coroutine
        public String describe() {
            Co.yield("describe " + this);
            return "described " + this;
        }
    }
}

/** Package-private: other packages cannot name it, not even in a cast. */
final class Hidden extends Factory.Visible {
    private final String label;

    Hidden(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return "hidden " + label;
    }
}
