package io.jcoro.tests.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Statements that hold statements: if/else, the loops (labelled, so that nested code can break
 * and continue out of them), labelled blocks, try/catch/finally (multi-catch, rethrows),
 * try-with-resources, and coroutine lambdas.
 */
final class CompoundStatements {
    /** Catchable types, each after all its subclasses, so any ordered subset is a valid catch list. */
    private static final String[] CATCHABLE = {"FuzzB", "FuzzA", "FuzzC", "ArithmeticException",
        "ArrayIndexOutOfBoundsException", "ClassCastException", "IllegalStateException",
        "IllegalArgumentException", "NullPointerException", "RuntimeException", "Exception",
        "GeneratorExit", "AssertionError", "Error", "Throwable"};
    /** Those of {@link #CATCHABLE} that are pairwise unrelated (for multi-catch), FuzzA aside. */
    private static final String[] UNRELATED = {"FuzzA", "FuzzC", "ArithmeticException",
        "ArrayIndexOutOfBoundsException", "ClassCastException", "IllegalStateException"};

    private final Grammar g;
    private final GrammarState s;

    CompoundStatements(Grammar g) {
        this.g = g;
        this.s = g.state;
    }

    private String expr(Ty t, int depth, Ctx ctx) {
        return g.expressions.expr(t, depth, ctx);
    }

    void ifStatement(Ctx ctx) {
        s.line("if (" + expr(Ty.BOOLEAN, 2, ctx) + ") {");
        g.statements.nested(ctx.deeper());
        if (s.r.nextBoolean()) {
            s.line("} else {");
            g.statements.nested(ctx.deeper());
        }
        s.line("}");
    }

    private String bound(Ctx ctx) {
        return s.r.nextInt(4) == 0 ? "Math.floorMod(" + expr(Ty.INT, 1, ctx) + ", 4)" : String.valueOf(s.r.nextInt(4));
    }

    void forLoop(Ctx ctx) {
        String label = s.fresh("L");
        String i = s.fresh("i");
        s.line(label + ":");
        s.line("for (int " + i + " = 0; " + i + " < " + bound(ctx) + "; " + i + "++) {");
        s.locals.push();
        s.locals.declare(i, Ty.INT, false);
        g.statements.nested(ctx.loop(label));
        s.locals.pop();
        s.line("}");
    }

    void whileLoop(Ctx ctx) {
        String label = s.fresh("L");
        String w = s.fresh("w");
        s.line("int " + w + " = 0;");
        s.locals.declare(w, Ty.INT, false);
        s.line(label + ":");
        s.line("while (" + w + " < " + bound(ctx) + ") {");
        s.line("    " + w + "++;");
        g.statements.nested(ctx.loop(label));
        s.line("}");
    }

    void doLoop(Ctx ctx) {
        String label = s.fresh("L");
        String w = s.fresh("w");
        s.line("int " + w + " = 0;");
        s.locals.declare(w, Ty.INT, false);
        s.line(label + ":");
        s.line("do {");
        s.line("    " + w + "++;");
        g.statements.nested(ctx.loop(label));
        s.line("} while (" + w + " < " + bound(ctx) + " && " + expr(Ty.BOOLEAN, 1, ctx) + ");");
    }

    void forEach(Ctx ctx) {
        String label = s.fresh("L");
        String e = s.fresh("e");
        Ty element;
        String source;
        switch (s.r.nextInt(4)) {
            case 0:
                element = Ty.INT;
                source = expr(Ty.INTS, 1, ctx);
                break;
            case 1:
                element = Ty.STRING;
                source = expr(Ty.STRINGS, 1, ctx);
                break;
            case 2:
                element = Ty.CHAR;
                source = expr(Ty.CHARS, 1, ctx);
                break;
            default:
                element = Ty.OBJECT;
                source = "java.util.Arrays.asList(" + expr(s.valueType(), 1, ctx) + ", " + expr(s.valueType(), 1, ctx) + ")";
                break;
        }
        s.line(label + ":");
        s.line("for (" + element.java + " " + e + " : " + source + ") {");
        s.locals.push();
        s.locals.declare(e, element, false);
        g.statements.nested(ctx.loop(label));
        s.locals.pop();
        s.line("}");
    }

    void labelledBlock(Ctx ctx) {
        String label = s.fresh("L");
        s.line(label + ": {");
        g.statements.nested(ctx.labelledBlock(label));
        s.line("}");
    }

    void tryStatement(Ctx ctx) {
        int id = s.next();
        s.line("try {");
        g.statements.nested(ctx.deeper());
        List<String> chosen = new ArrayList<>();
        for (String c : CATCHABLE) {
            if (s.r.nextInt(8) == 0) {
                chosen.add(c);
            }
        }
        boolean hasFinally = chosen.isEmpty() || s.r.nextBoolean();
        List<String> alsoCaught = new ArrayList<>();
        for (String c : chosen) {
            if (alsoCaught.contains(c)) {
                continue;
            }
            String types = c;
            if (s.r.nextInt(4) == 0 && indexOf(c) < indexOf("RuntimeException")) {
                // Clauses before c catch only subclasses of RuntimeException that have no
                // subclasses here but FuzzA; another such type, not caught elsewhere, is unrelated.
                String other = UNRELATED[s.r.nextInt(UNRELATED.length)];
                if (!other.equals(c) && !chosen.contains(other) && !alsoCaught.contains(other)
                        && !other.equals("FuzzA")) {
                    types = c + " | " + other;
                    alsoCaught.add(other);
                }
            }
            String e = s.fresh("x");
            s.line("} catch (" + types + " " + e + ") {");
            s.indent++;
            s.line("Trace.x(\"catch " + id + "\", " + e + ");");
            g.statements.block(ctx.deeper(), s.r.nextInt(3));
            if (s.r.nextInt(4) == 0) {
                s.line("if (" + expr(Ty.BOOLEAN, 1, ctx) + ") {");
                s.line("    throw " + e + ";");
                s.line("}");
            }
            s.indent--;
        }
        if (hasFinally) {
            s.line("} finally {");
            s.indent++;
            s.line("Trace.e(\"finally " + id + "\");");
            g.statements.block(ctx.deeper(), s.r.nextInt(3));
            s.indent--;
        }
        s.line("}");
    }

    private static int indexOf(String c) {
        return Arrays.asList(CATCHABLE).indexOf(c);
    }

    void tryWithResources(Ctx ctx) {
        int id = s.next();
        String res = "res" + id;
        s.line("try (Res " + res + " = new Res(\"r" + id + "\", " + expr(Ty.BOOLEAN, 1, ctx) + ")) {");
        g.statements.nested(ctx.deeper());
        if (s.r.nextBoolean()) {
            String e = s.fresh("x");
            s.line("} catch (FuzzC " + e + ") {");
            s.line("    Trace.x(\"twr " + id + "\", " + e + ");");
            s.line("    Trace.v(\"suppressed " + id + "\", " + e + ".getSuppressed().length);");
        }
        s.line("}");
    }

    /** A coroutine lambda: its body is a coroutine of its own, called through CoSupplier.get (in call). */
    void lambdaStatement(Ctx ctx) {
        Ty t = s.pick(Ty.INT, Ty.STRING, Ty.OBJECT, Ty.LONG, Ty.BOX);
        String n = s.fresh("s");
        // A lambda sees only effectively final locals: give it a scope with just d.
        Deque<List<Locals.Var>> saved = s.locals.onlyDepth();
        Ctx body = ctx.lambda(t);
        if (s.r.nextBoolean()) {
            s.budget(2);
            s.line("CoSupplier<" + t.boxed + "> " + n + " = () -> " + GrammarState.typed(t, expr(t, 2, body)) + ";");
        } else {
            s.line("CoSupplier<" + t.boxed + "> " + n + " = () -> {");
            s.indent++;
            g.statements.block(body, 1 + s.r.nextInt(3));
            s.budget(1);
            s.line("return " + GrammarState.typed(t, expr(t, 1, body)) + ";");
            s.indent--;
            s.line("};");
        }
        s.locals.restore(saved);
        String v = s.fresh("g");
        s.line(t.java + " " + v + " = call(" + n + ");");
        s.locals.declare(v, t, true);
        s.line("Trace.v(\"" + v + "\", " + v + ");");
    }
}
