package io.jcoro.tests.fuzz;

import io.jcoro.core.PrimitiveYield;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Everything observable about one run of a generated program, as lines: what the driver did
 * and got back, and what the program itself reported (values it received and kept, handlers
 * and {@code finally} blocks it ran). Two runs of the same program and script agree line by
 * line, or one of them is wrong.
 */
public final class Transcript {
    /** The longest transcript kept: a program that runs away is cut here. */
    static final int MAX_LINES = 50_000;

    private final String programClass;
    private final List<String> lines = new ArrayList<>();
    /** Exceptions the driver created: their stack traces depend on where, so they print by name. */
    private final Set<Throwable> injected = Collections.newSetFromMap(new IdentityHashMap<>());

    /** @param programClass the generated class's name; frames of its classes (see Program.owns) are reported */
    public Transcript(String programClass) {
        this.programClass = programClass;
    }

    /** @return the lines so far */
    public List<String> lines() {
        return lines;
    }

    void add(String line) {
        if (lines.size() < MAX_LINES) {
            lines.add(line);
        } else if (lines.size() == MAX_LINES) {
            lines.add("... cut");
        }
    }

    void injected(Throwable t) {
        injected.add(t);
    }

    boolean isInjected(Throwable t) {
        return injected.contains(t);
    }

    /**
     * A value as the transcript shows it: typed, so that a boxed value that changed its type
     * (an int restored as a long, say) shows.
     *
     * @param v any value
     * @return its description
     */
    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return '"' + s + '"';
        }
        if (v instanceof CharSequence cs) {
            return v.getClass().getSimpleName() + "(" + cs + ")"; // StringBuilder, StringBuffer
        }
        if (v instanceof Integer || v instanceof Boolean || v instanceof Box || v instanceof Color) {
            return v.toString();
        }
        if (v instanceof Long) {
            return v + "L";
        }
        if (v instanceof Float f) {
            return f + "f(" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
        }
        if (v instanceof Double d) {
            return d + "d(" + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
        }
        if (v instanceof Character c) {
            return "'" + (int) c + "'";
        }
        if (v instanceof Byte b) {
            return b + "b";
        }
        if (v instanceof Short s) {
            return s + "s";
        }
        if (v instanceof Object[] a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ",").append(value(a[i]));
            }
            return sb.append(']').toString();
        }
        if (v.getClass().isArray()) {
            StringBuilder sb = new StringBuilder(v.getClass().getComponentType().getName()).append('[');
            int n = java.lang.reflect.Array.getLength(v);
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "" : ",").append(value(java.lang.reflect.Array.get(v, i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Throwable t) {
            return t.getClass().getName();
        }
        if (v instanceof PrimitiveYield kind) {
            return kind.toString(); // a primitive yield seen by a plain Generator: its kind, not its value
        }
        // Program objects (the generated class, its nested classes): identity hashes differ.
        return "<" + v.getClass().getName() + ">";
    }

    /**
     * An exception: class, message and where in the program it was raised (the program's frames,
     * innermost first). Helpful NullPointerException messages describe bytecode, which the
     * instrumentation changes by design, so only their class and frames count.
     */
    String exception(Throwable t) {
        if (injected.contains(t)) {
            return t.getClass().getName() + ": " + t.getMessage() + " (injected)";
        }
        if (Pep479.isConversion(t)) {
            // Where the implementation makes it is its business; what it carries is not.
            return t.getClass().getName() + ": " + t.getMessage() + " caused by " + exception(t.getCause());
        }
        String message = t instanceof NullPointerException ? "<npe>" : t.getMessage();
        return t.getClass().getName() + ": " + message + " at " + frames(t.getStackTrace());
    }

    /** @return the frames of the generated classes, "Class.method:line", innermost first */
    String frames(StackTraceElement[] trace) {
        List<String> mine = new ArrayList<>();
        for (StackTraceElement e : trace) {
            String c = e.getClassName();
            if (Program.owns(programClass, c)) {
                mine.add(c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName() + ":" + e.getLineNumber());
            }
        }
        return mine.toString();
    }
}
