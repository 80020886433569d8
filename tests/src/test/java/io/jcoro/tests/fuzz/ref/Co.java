package io.jcoro.tests.fuzz.ref;

import io.jcoro.core.GeneratorExit;
import io.jcoro.tests.fuzz.ReferenceRun;
import java.util.Iterator;

/**
 * The reference variant's {@code Co}: the same signatures as {@code io.jcoro.core.Co}, but
 * ordinary calls. A yield hands the value to the {@link ReferenceRun} on this thread, which
 * records it and replays the next step of the driver script right here: it returns the value
 * sent in, or throws what is thrown in, as the suspension point of a real generator would.
 */
public final class Co {
    private Co() {
    }

    /**
     * @param value the value yielded
     * @param <S> the type sent in (unchecked, as the real one)
     * @return the value the script sends in
     */
    @SuppressWarnings("unchecked")
    public static <S> S yield(Object value) {
        return (S) ReferenceRun.current().onYield(value);
    }

    /**
     * @param <S> the type sent in (unchecked)
     * @return the value the script sends in
     */
    @SuppressWarnings("unchecked")
    public static <S> S receive() {
        return (S) ReferenceRun.current().onYield(null);
    }

    /**
     * {@code yield from} over an iterable, as the real generator runs it: each element is
     * yielded in turn; a value sent in is refused at this point. PEP 380: a GeneratorExit
     * (close, or thrown in) closes the iterator first if it is AutoCloseable; other exceptions
     * thrown in leave it open, as CPython leaves an iterator without a throw method.
     *
     * @param items the elements
     */
    public static void yieldFrom(Iterable<?> items) {
        Iterator<?> it = items.iterator();
        while (it.hasNext()) {
            Object item = it.next();
            Object sent;
            try {
                sent = ReferenceRun.current().onYield(item);
            } catch (GeneratorExit exit) {
                if (it instanceof AutoCloseable closeable) {
                    close(closeable);
                }
                throw exit;
            }
            if (sent != null) {
                // jcoro's Generator creates this exception in send(), outside the body's frames,
                // and raises it at the yieldFrom: its stack trace shows none of the body's frames.
                IllegalArgumentException e = new IllegalArgumentException(
                        "can't send a value into yieldFrom(Iterable): an iterator cannot receive it");
                e.setStackTrace(new StackTraceElement[0]);
                throw e;
            }
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
