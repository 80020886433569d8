package io.jcoro.core;

import java.lang.ref.Cleaner;

/**
 * The handle an auto-closing generator's user holds ({@link Generator#autoClosing}): a generator
 * that delegates every step to the real one, watched by a {@link Cleaner} whose action holds only
 * the real one, so that the handle can become unreachable while the real generator is suspended,
 * and the action then closes it.
 */
final class ClosingHandles {
    /** Created with the first auto-closing generator: its thread costs nothing until then. */
    private static final Cleaner CLEANER = Cleaner.create();

    private ClosingHandles() {
    }

    /** @return a new handle for {@code inner}, registered with the cleaner */
    static <T> Generator<T> wrap(Generator<?> inner) {
        Generator<T> handle = new Generator<>(inner);
        handle.delegate = inner;
        CLEANER.register(handle, new Close(inner));
        return handle;
    }

    /** The cleaner's action; it must not hold the handle, or the handle would never be unreachable. */
    private static final class Close implements Runnable {
        private final Generator<?> inner;

        Close(Generator<?> inner) {
            this.inner = inner;
        }

        @Override
        public void run() {
            try {
                inner.close();
            } catch (Throwable t) {
                System.err.println("[jcoro] closing an unreachable generator failed: " + t);
                t.printStackTrace();
            }
        }
    }
}
