package io.jcoro.core;

import java.util.Iterator;
import java.util.Objects;

/**
 * PEP 380's {@code yield from} for {@link Generator}: starting a delegation, and forwarding each
 * resume of the delegating generator to its delegate (a sub-generator, or the iterator of an
 * {@code Iterable}) until the delegate ends and the {@code yieldFrom} returns or throws. A
 * sub-generator's step is read before it is handed back, with the bits of a primitive yield
 * ({@link PrimitiveYield}), which the delegating generator hands on as its own. Static
 * helpers over the generator's fields, so that a delegation costs no object of its own.
 */
final class Delegation {
    /** {@link #step}: delegation ended; the delegating frame resumes. */
    static final Object OVER = new Object();

    private Delegation() {
    }

    /**
     * {@link GeneratorEngine#beginDelegation}: runs {@code sub} to its first yield. Returns its return
     * value if it finishes at once; otherwise {@code g} delegates to it and suspends with its
     * first value.
     *
     * @param sub a {@code Generator} or an {@code Iterable}
     * @return the return value of a delegate that finished at once, or a dummy
     */
    static Object begin(GeneratorEngine g, Object sub) {
        Objects.requireNonNull(sub, "yieldFrom(null)");
        Object first;
        if (sub instanceof Generator<?> s) {
            first = s.advanceHeld(null, null);
            if (first == GeneratorEngine.DONE) {
                return s.returnValue();
            }
            if (first == GeneratorEngine.EXHAUSTED) {
                return null;
            }
            g.takeBitsOf(s);
            s.release(first);
        } else if (sub instanceof Iterable<?> items) {
            Iterator<?> it = items.iterator();
            if (!it.hasNext()) {
                return null;
            }
            first = it.next();
            sub = it;
        } else {
            throw new IllegalArgumentException("yieldFrom needs a Generator or an Iterable, not "
                    + sub.getClass().getName());
        }
        g.delegateTo(sub, first);
        return null;
    }

    /**
     * A resume of {@code g} while it delegates: forwards to the delegate as PEP 380 says. Returns
     * the value it yielded ({@code g} stays suspended in its {@code yieldFrom}), or {@link #OVER}
     * after arranging what the {@code yieldFrom} returns or throws.
     */
    static Object step(GeneratorEngine g, Object sent, Throwable thrown) {
        Object d = g.delegate;
        try {
            if (d instanceof Generator<?> sub) {
                if (thrown instanceof GeneratorExit) {
                    g.delegate = null;
                    sub.close();
                    return g.endDelegation(thrown, true);
                }
                Object r = thrown != null ? sub.advanceHeld(null, thrown) : sub.advanceHeld(sent, null);
                if (r == GeneratorEngine.DONE) {
                    return g.endDelegation(sub.returnValue(), false);
                }
                if (r == GeneratorEngine.EXHAUSTED) {
                    return thrown != null ? g.endDelegation(thrown, true) : g.endDelegation(null, false);
                }
                g.takeBitsOf(sub); // a primitive yield's value, handed on (plain copy: cheaper than a test)
                return sub.release(r);
            }
            Iterator<?> it = (Iterator<?>) d;
            // PEP 380: close() reaches an iterator that can be closed; a plain iterator has no
            // throw(), so any other exception is raised in the delegating frame, as CPython does.
            if (thrown instanceof GeneratorExit && it instanceof AutoCloseable closeable) {
                g.delegate = null;
                closeable.close();
                return g.endDelegation(thrown, true);
            }
            if (thrown != null) {
                return g.endDelegation(thrown, true);
            }
            if (sent != null) {
                return g.endDelegation(new IllegalArgumentException(
                        "can't send a value into yieldFrom(Iterable): an iterator cannot receive it"), true);
            }
            return it.hasNext() ? it.next() : g.endDelegation(null, false);
        } catch (Throwable t) {
            return g.endDelegation(t, true);
        }
    }
}
