package io.jcoro.tests.fuzz;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The shapes the grammar adds for issue 10 (items 1-7) and issue 13 (the primitive generators'
 * intrinsic yields), each counted per campaign (see
 * {@link DifferentialFuzzer.Report#shapes}). By default each program has each {@link Group} with
 * the group's chance. A campaign may be restricted to some shapes with
 * {@code -Djcoro.fuzz.shapes=REF_UNBOUND,STATIC_INIT}: then every program has them (to tell which
 * shape a mismatch comes from); {@code none}: the base grammar only.
 */
public enum Shape {
    /** {@code CoFn<Tg, String> f = Tg::greet}: an unbound receiver. */
    REF_UNBOUND(Group.METHOD_REFS),
    /** {@code tg::plus} through {@code CoFn<Integer, Integer>}: bound, with unboxing and boxing. */
    REF_BOUND(Group.METHOD_REFS),
    /** {@code Tg::twice} through {@code CoFn<Integer, Integer>}: static, unboxing and boxing. */
    REF_STATIC_BOXING(Group.METHOD_REFS),
    /** {@code Tg::widen} / {@code Tg::twice} through {@code long apply(int)}: widening. */
    REF_STATIC_WIDENING(Group.METHOD_REFS),
    /** {@code this::hop}. */
    REF_THIS(Group.METHOD_REFS),
    /** {@code super::hop} (javac writes a lambda method). */
    REF_SUPER(Group.METHOD_REFS),
    /** {@code Tg::join}, a varargs target (javac writes a lambda method). */
    REF_VARARGS(Group.METHOD_REFS),
    /** {@code Tg::echo}, a generic target. */
    REF_GENERIC(Group.METHOD_REFS),
    /** {@code inc::apply} and calls through the bridge javac writes for a generic interface. */
    REF_BRIDGE(Group.METHOD_REFS),
    /** {@code tg::hello}, {@code Greeter::hello}: an interface default method. */
    REF_DEFAULT(Group.METHOD_REFS),
    /** The same targets through lambdas: not a bug, must pass. */
    REF_LAMBDA_CONTROL(Group.METHOD_REFS),
    /** {@code Tg::twice}, {@code tg::plus} through {@code int apply(int)}: no adaptation, another class. */
    REF_EXACT_OTHER_CLASS(Group.METHOD_REFS),
    /** The same to methods of the class that holds the reference: not a bug, must pass. */
    REF_EXACT_CONTROL(Group.METHOD_REFS),
    /** A package-private class of package fz.q, returned by a public method, held in a local. */
    XPKG_LOCAL(Group.TWO_PACKAGES),
    /** The same value on the operand stack across a suspension. */
    XPKG_STACK(Group.TWO_PACKAGES),
    /** StringBuilder or StringBuffer in a local declared Object (they merge to a package-private class). */
    MERGE_OBJECT(Group.JDK_MERGES),
    /** The same in a local declared CharSequence. */
    MERGE_CHARSEQ(Group.JDK_MERGES),
    /** The same on the operand stack. */
    MERGE_STACK(Group.JDK_MERGES),
    /** Recursion 1,000 to 1,300 deep with suspensions at the bottom. */
    DEEP_RECURSION(Group.DEEP),
    /** Private coroutines of nested classes called across them, compiled with --release 8 (access$NNN). */
    ACCESSOR_RELEASE8(Group.NESTED_PRIVATE),
    /** The same compiled for 17 (nestmates, no accessors): not a bug, must pass. */
    NESTMATES_CONTROL(Group.NESTED_PRIVATE),
    /** {@code new K(suspendingCall())} where K's static initializer prints. */
    STATIC_INIT(Group.STATIC_INIT),
    /** A NoSuchElementException or StopIteration raised in a body (PEP 479). */
    STOP_ITERATION_RAISED(Group.STOP_ITERATION),
    /** The same thrown in by the driver. */
    STOP_ITERATION_THROWN_IN(Group.STOP_ITERATION),
    /** Co.yieldFrom over an iterator that is AutoCloseable and prints when closed (PEP 380). */
    CLOSING_DELEGATION(Group.DELEGATION),
    /** {@code IntGenerator.yield(i)}, an intrinsic since contract 3 (issue 13), in any expression. */
    YIELD_INT(Group.PRIMITIVE_YIELDS),
    /** {@code LongGenerator.yield(l)}: a two-slot argument on the operand stack. */
    YIELD_LONG(Group.PRIMITIVE_YIELDS),
    /** {@code DoubleGenerator.yield(d)}. */
    YIELD_DOUBLE(Group.PRIMITIVE_YIELDS);

    /** Shapes a program takes or leaves together, each group with its chance per program. */
    public enum Group {
        METHOD_REFS(3), TWO_PACKAGES(5), JDK_MERGES(5), DEEP(8), NESTED_PRIVATE(6), STATIC_INIT(5),
        STOP_ITERATION(4), DELEGATION(5), PRIMITIVE_YIELDS(4);

        /** One program in this many has the group. */
        final int oneIn;

        Group(int oneIn) {
            this.oneIn = oneIn;
        }
    }

    final Group group;

    Shape(Group group) {
        this.group = group;
    }

    /** @return the shapes {@code jcoro.fuzz.shapes} allows (all by default) */
    static Set<Shape> allowed() {
        String spec = System.getProperty("jcoro.fuzz.shapes", "all").trim();
        if (spec.equals("all") || spec.isEmpty()) {
            return EnumSet.allOf(Shape.class);
        }
        Set<Shape> allowed = EnumSet.noneOf(Shape.class);
        if (!spec.equals("none")) {
            for (String name : spec.split(",")) {
                allowed.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return allowed;
    }
}
