package io.jcoro.tests.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements: the mix the grammar draws from (declarations, assignments, traces, yields, calls,
 * conditional jumps and throws, array stores, and the compound statements of
 * {@link CompoundStatements}, {@link Switches} and the shapes'), and blocks of them.
 */
final class Statements {
    /** One statement in this many is a shape's (when the program has shapes). */
    private static final int SHAPE_ONE_IN = 8;

    private final Grammar g;
    private final GrammarState s;

    Statements(Grammar g) {
        this.g = g;
        this.s = g.state;
    }

    void body(Ctx ctx, int statements) {
        for (int i = 0; i < statements; i++) {
            statement(ctx);
        }
    }

    void block(Ctx ctx, int statements) {
        s.locals.push();
        body(ctx, statements);
        s.locals.pop();
    }

    void nested(Ctx ctx) {
        s.indent++;
        block(ctx, blockSize(ctx));
        s.indent--;
    }

    int blockSize(Ctx ctx) {
        return 1 + s.r.nextInt(ctx.depth() >= s.maxDepth ? 2 : 3);
    }

    void statement(Ctx ctx) {
        s.budget(1 + s.r.nextInt(3));
        if (!s.enabled.isEmpty() && s.r.nextInt(SHAPE_ONE_IN) == 0 && g.shapeStatement(ctx)) {
            return;
        }
        boolean compound = ctx.depth() < s.maxDepth;
        CompoundStatements c = g.compound;
        int k = s.r.nextInt(100);
        if (k < 10) {
            declaration(ctx);
        } else if (k < 18) {
            assignment(ctx);
        } else if (k < 26) {
            traceStatement(ctx);
        } else if (k < 38) {
            yieldStatement(ctx);
        } else if (k < 45) {
            callStatement(ctx);
        } else if (k < 49) {
            conditionalJump(ctx);
        } else if (k < 52) {
            arrayStore(ctx);
        } else if (!compound) {
            yieldStatement(ctx);
        } else if (k < 59) {
            c.ifStatement(ctx);
        } else if (k < 65) {
            c.forLoop(ctx);
        } else if (k < 68) {
            c.whileLoop(ctx);
        } else if (k < 70) {
            c.doLoop(ctx);
        } else if (k < 73) {
            c.forEach(ctx);
        } else if (k < 77) {
            g.switches.oldSwitch(ctx);
        } else if (k < 80) {
            g.switches.arrowSwitch(ctx);
        } else if (k < 89) {
            c.tryStatement(ctx);
        } else if (k < 91) {
            c.tryWithResources(ctx);
        } else if (k < 94) {
            c.lambdaStatement(ctx);
        } else if (k < 96) {
            c.labelledBlock(ctx);
        } else {
            throwStatement(ctx);
        }
    }

    void declaration(Ctx ctx) {
        if (s.r.nextInt(6) == 0) {
            lateDeclaration(ctx);
            return;
        }
        Ty t = Ty.LOCAL_TYPES[s.r.nextInt(Ty.LOCAL_TYPES.length)];
        String name = s.fresh("v");
        String init = g.expressions.expr(t, 2, ctx);
        s.line(t.java + " " + name + " = " + init + ";");
        s.locals.declare(name, t, true);
    }

    /**
     * A local declared without a value and assigned on every branch (with suspensions in the
     * branches): its slot has a type only where javac's definite assignment says so.
     */
    private void lateDeclaration(Ctx ctx) {
        Ty t = Ty.LOCAL_TYPES[s.r.nextInt(Ty.LOCAL_TYPES.length)];
        String name = s.fresh("v");
        s.line(t.java + " " + name + ";");
        s.line("if (" + g.expressions.expr(Ty.BOOLEAN, 1, ctx) + ") {");
        s.indent++;
        s.locals.push();
        s.budget(1);
        if (s.r.nextBoolean()) {
            yieldStatement(ctx);
        }
        s.line(name + " = " + g.expressions.expr(t, 1, ctx) + ";");
        s.locals.pop();
        s.indent--;
        s.line("} else {");
        s.indent++;
        s.locals.push();
        s.budget(1);
        s.line(name + " = " + g.expressions.expr(t, 1, ctx) + ";");
        if (s.r.nextBoolean()) {
            yieldStatement(ctx);
        }
        s.locals.pop();
        s.indent--;
        s.line("}");
        s.locals.declare(name, t, true);
    }

    private void assignment(Ctx ctx) {
        Locals.Var v = s.locals.assignable();
        if (v == null) {
            declaration(ctx);
            return;
        }
        Ty t = v.type();
        int k = s.r.nextInt(4);
        if (k == 0 && t.isNumeric()) {
            String op = s.pick("+=", "-=", "*=", "|=", "^=");
            if (t == Ty.FLOAT || t == Ty.DOUBLE) {
                op = s.pick("+=", "-=", "*=");
            }
            s.line(v.name() + " " + op + " " + g.expressions.expr(s.numericOperand(t), 2, ctx) + ";");
        } else if (k == 1 && t.isNumeric()) {
            s.line(v.name() + s.pick("++", "--") + ";");
        } else if (t == Ty.STRING && k == 2) {
            s.line(v.name() + " += " + g.expressions.expr(s.valueType(), 1, ctx) + ";");
        } else {
            s.line(v.name() + " = " + g.expressions.expr(t, 2, ctx) + ";");
        }
    }

    private void traceStatement(Ctx ctx) {
        if (s.r.nextInt(3) == 0) {
            Ty t = s.anyType();
            s.line(GrammarState.traced("e" + s.next(), t, g.expressions.expr(t, 2, ctx)) + ";");
            return;
        }
        Locals.Var v = s.locals.any();
        if (v == null) {
            s.line("Trace.e(\"here " + s.next() + "\");");
        } else {
            s.line("Trace.v(\"" + v.name() + "\", " + v.name() + ");");
        }
    }

    void yieldStatement(Ctx ctx) {
        s.budget(2);
        int k = s.r.nextInt(8);
        String n = s.fresh("r");
        Expressions e = g.expressions;
        switch (k) {
            case 0:
                s.line("Co.yield(" + e.expr(s.anyType(), 1, ctx) + ");");
                break;
            case 1:
                s.line("Object " + n + " = Co.receive();");
                s.line("Trace.v(\"" + n + "\", " + n + ");");
                s.locals.declare(n, Ty.OBJECT, true);
                break;
            case 2:
                s.line("int " + n + " = Trace.i(Co.yield(" + e.expr(s.anyType(), 1, ctx) + "));");
                s.locals.declare(n, Ty.INT, true);
                break;
            case 3:
                s.line("Integer " + n + " = Co.yield(" + e.expr(s.anyType(), 1, ctx) + ");");
                s.line("Trace.v(\"" + n + "\", " + n + ");");
                break;
            case 4:
                if (s.budget() > 0) {
                    s.line("Co.yieldFrom(java.util.Arrays.asList(" + e.expr(s.anyType(), 1, ctx) + ", "
                            + e.expr(s.anyType(), 1, ctx) + "));");
                    break;
                }
                s.line("Object " + n + " = Co.yield(" + e.expr(s.anyType(), 2, ctx) + ");");
                s.line("Trace.v(\"" + n + "\", " + n + ");");
                s.locals.declare(n, Ty.OBJECT, true);
                break;
            default:
                s.line("Object " + n + " = Co.yield(" + e.expr(s.anyType(), 2, ctx) + ");");
                s.line("Trace.v(\"" + n + "\", " + n + ");");
                s.locals.declare(n, Ty.OBJECT, true);
                break;
        }
    }

    private void callStatement(Ctx ctx) {
        s.budget(2);
        GrammarState.Method m = g.expressions.callable(ctx, null);
        if (m == null) {
            yieldStatement(ctx);
            return;
        }
        String call = g.expressions.call(m, 1, ctx);
        if (m.ret() == null || s.r.nextBoolean()) {
            s.line(call + ";");
        } else {
            String n = s.fresh("c");
            s.line(m.ret().java + " " + n + " = " + call + ";");
            s.locals.declare(n, m.ret(), true);
            s.line("Trace.v(\"" + n + "\", " + n + ");");
        }
    }

    /** if (c) return/break/continue: jumps never end a block unconditionally (unreachable code). */
    private void conditionalJump(Ctx ctx) {
        List<String> options = new ArrayList<>();
        if (ctx.canReturn()) {
            options.add("return");
        }
        if (ctx.inBreakable()) {
            options.add("break");
        }
        if (ctx.inLoop()) {
            options.add("continue");
        }
        for (String l : ctx.labels()) {
            options.add(l.startsWith("!") ? "break " + l.substring(1) : s.r.nextBoolean() ? "break " + l : "continue " + l);
        }
        if (options.isEmpty()) {
            throwStatement(ctx);
            return;
        }
        String jump = options.get(s.r.nextInt(options.size()));
        if (jump.equals("return") && !ctx.isVoid()) {
            jump = "return " + GrammarState.typed(ctx.ret(), g.expressions.expr(ctx.ret(), 1, ctx));
        }
        s.line("if (" + g.expressions.expr(Ty.BOOLEAN, 2, ctx) + ") {");
        s.indent++;
        String[] words = jump.split(" ");
        String what = words[0].equals("return") ? "return" : words[0] + " " + words[1 % words.length];
        s.line("Trace.e(\"" + what + " " + s.next() + "\");");
        s.line(jump + ";");
        s.indent--;
        s.line("}");
    }

    void throwStatement(Ctx ctx) {
        String type = s.pick("FuzzA", "FuzzB", "FuzzC");
        s.line("if (" + g.expressions.expr(Ty.BOOLEAN, 2, ctx) + ") {");
        s.indent++;
        s.line("throw new " + type + "(\"t" + s.next() + " \" + " + g.expressions.expr(s.valueType(), 1, ctx) + ");");
        s.indent--;
        s.line("}");
    }

    private void arrayStore(Ctx ctx) {
        Locals.Var v = s.locals.of(Ty.INTS, Ty.LONGS, Ty.STRINGS, Ty.CHARS, Ty.DOUBLES);
        if (v == null) {
            assignment(ctx);
            return;
        }
        Expressions e = g.expressions;
        String index = s.r.nextInt(6) == 0 ? e.expr(Ty.INT, 1, ctx)
                : "Math.floorMod(" + e.expr(Ty.INT, 1, ctx) + ", " + v.name() + ".length)";
        switch (v.type()) {
            case INTS:
                s.line(v.name() + "[" + index + "] = " + e.expr(Ty.INT, 2, ctx) + ";");
                break;
            case LONGS:
                s.line(v.name() + "[" + index + "] += " + e.expr(Ty.LONG, 2, ctx) + ";");
                break;
            case STRINGS:
                s.line(v.name() + "[" + index + "] = " + e.expr(Ty.STRING, 2, ctx) + ";");
                break;
            case CHARS:
                s.line(v.name() + "[" + index + "] = " + e.expr(Ty.CHAR, 2, ctx) + ";");
                break;
            default:
                s.line(v.name() + "[" + index + "][0] = " + e.expr(Ty.DOUBLE, 2, ctx) + ";");
                break;
        }
    }
}
