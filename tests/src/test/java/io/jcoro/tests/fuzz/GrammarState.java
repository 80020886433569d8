package io.jcoro.tests.fuzz;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What every part of the grammar shares while one program is written: the random source, the
 * text so far and its indentation, fresh names, the locals in scope, the suspension budget, and
 * the shapes this program may use.
 */
final class GrammarState {
    final Random r;
    final String className;
    final Locals locals;
    /** How deeply compound statements nest. */
    final int maxDepth;
    /** Compiled with {@code --release 8}: no switch expressions, no arrow switches. */
    final boolean release8;
    /** The shapes of {@link Shape} this program may use. */
    final Set<Shape> enabled;
    /** The shapes the program does use (written at least once). */
    final Set<Shape> used = EnumSet.noneOf(Shape.class);
    /** Members of the program class written after its methods (by the shape writers). */
    final List<String> extraMembers = new ArrayList<>();
    /** The program's coroutine methods m0, m1...: each takes a depth d first. */
    final List<Method> methods = new ArrayList<>();

    /** A coroutine method of the program class. */
    record Method(String name, Ty ret, List<Ty> params, boolean isStatic) {
    }

    private StringBuilder out = new StringBuilder();
    int indent;
    private int counter;
    /** Suspending calls and yields still allowed in the statement being written. */
    private int suspensionBudget;
    /** Switch expressions are not nested in each other's arms: the programs would explode. */
    int armNesting;

    GrammarState(Random r, String className, Set<Shape> enabled, boolean release8) {
        this.r = r;
        this.className = className;
        this.enabled = enabled;
        this.release8 = release8;
        this.locals = new Locals(r);
        this.maxDepth = 1 + r.nextInt(2);
    }

    // ---- text ---------------------------------------------------------------------------------

    void line(String text) {
        if (!text.isEmpty()) {
            out.append("    ".repeat(indent)).append(text);
        }
        out.append('\n');
    }

    /** @return the text so far, which is then cleared (to write a part elsewhere) */
    StringBuilder takeText() {
        StringBuilder text = out;
        out = new StringBuilder();
        return text;
    }

    void restoreText(StringBuilder text) {
        out = text;
    }

    /** @return a fresh number for names and trace labels */
    int next() {
        return ++counter;
    }

    /** @return a fresh name with this prefix */
    String fresh(String prefix) {
        return prefix + next();
    }

    // ---- suspensions --------------------------------------------------------------------------

    void budget(int n) {
        suspensionBudget = n;
    }

    int budget() {
        return suspensionBudget;
    }

    /** @return whether to write a suspension here (spending the budget) */
    boolean spend() {
        if (suspensionBudget > 0 && r.nextInt(3) != 0) {
            suspensionBudget--;
            return true;
        }
        return false;
    }

    // ---- shapes -------------------------------------------------------------------------------

    boolean has(Shape s) {
        return enabled.contains(s);
    }

    /** Records that the program uses s. */
    void use(Shape s) {
        used.add(s);
    }

    // ---- choices ------------------------------------------------------------------------------

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[r.nextInt(options.length)];
    }

    /** The first option most of the time, one of the others sometimes. */
    String pickWeighted(String usual, String... rare) {
        return r.nextInt(6) == 0 ? rare[r.nextInt(rare.length)] : usual;
    }

    Ty anyType() {
        Ty t = Ty.LOCAL_TYPES[r.nextInt(Ty.LOCAL_TYPES.length)];
        return t == Ty.OP ? Ty.INT : t;
    }

    /** Any type but arrays and Op: values whose string form is deterministic (no identity hash). */
    Ty valueType() {
        Ty t = anyType();
        return t.isArray() ? Ty.OBJECT : t;
    }

    Ty anyScalar() {
        return pick(Ty.INT, Ty.LONG, Ty.FLOAT, Ty.DOUBLE, Ty.BYTE, Ty.SHORT, Ty.CHAR, Ty.BOOLEAN, Ty.STRING);
    }

    /** The right operand type of a compound assignment to a variable of type t. */
    Ty numericOperand(Ty t) {
        if (t == Ty.FLOAT || t == Ty.DOUBLE) {
            return pick(t, Ty.INT);
        }
        return t == Ty.LONG ? pick(Ty.LONG, Ty.INT) : Ty.INT;
    }

    /** A Trace.v call; the cast picks the overload (a poly expression could match two). */
    static String traced(String name, Ty t, String expr) {
        return "Trace.v(\"" + name + "\", (" + t.java + ") (" + expr + "))";
    }

    /** An int expression as exactly int (a char or short one would not box to Integer). */
    static String typed(Ty t, String expr) {
        return t == Ty.INT ? "(int) (" + expr + ")" : expr;
    }

    /** Traces up to n visible locals: what survived the suspensions before. */
    void traceSome(int n) {
        for (Locals.Var v : locals.some(n)) {
            line("Trace.v(\"" + v.name() + "\", " + v.name() + ");");
        }
    }
}
