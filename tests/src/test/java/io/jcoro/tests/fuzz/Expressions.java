package io.jcoro.tests.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Expressions of every value type: arithmetic, conversions, conditionals, array reads, string
 * concatenation, literals (edge values included), and the ones that suspend: calls of the
 * program's coroutines, yields, calls through the Op interface, switch expressions with yields
 * in their arms, and the shapes' suspending expressions.
 */
final class Expressions {
    private final Grammar g;
    private final GrammarState s;

    Expressions(Grammar g) {
        this.g = g;
        this.s = g.state;
    }

    String expr(Ty t, int depth, Ctx ctx) {
        if (depth <= 0 || s.r.nextInt(3) == 0) {
            return leaf(t);
        }
        if (s.spend()) {
            String susp = suspending(t, depth, ctx);
            if (susp != null) {
                return susp;
            }
        }
        switch (t) {
            case INT:
                return intExpr(depth, ctx);
            case LONG:
                return longExpr(depth, ctx);
            case FLOAT:
            case DOUBLE:
                return floatingExpr(t, depth, ctx);
            case BYTE:
            case SHORT:
                return "(" + t.java + ") (" + expr(Ty.INT, depth - 1, ctx) + ")";
            case CHAR:
                return s.r.nextBoolean() ? "(char) ('a' + Math.floorMod(" + expr(Ty.INT, depth - 1, ctx) + ", 26))"
                        : charArrayRead(depth, ctx);
            case BOOLEAN:
                return boolExpr(depth, ctx);
            case STRING:
                return stringExpr(depth, ctx);
            case OBJECT:
                return s.r.nextInt(3) == 0 ? "(" + expr(Ty.BOOLEAN, depth - 1, ctx) + " ? "
                        + expr(s.valueType(), depth - 1, ctx) + " : " + expr(s.valueType(), depth - 1, ctx) + ")"
                        : expr(s.valueType(), depth - 1, ctx);
            case BOX:
                return "new Box(" + expr(Ty.INT, depth - 1, ctx) + ", " + expr(Ty.STRING, depth - 1, ctx) + ")";
            case COLOR:
                return "Color.values()[Math.floorMod(" + expr(Ty.INT, depth - 1, ctx) + ", 3)]";
            case OP:
                return "(" + expr(Ty.BOOLEAN, depth - 1, ctx) + " ? new OpA() : new OpB())";
            case INTS:
                return "new int[] {" + expr(Ty.INT, depth - 1, ctx) + ", " + expr(Ty.INT, depth - 1, ctx) + "}";
            case LONGS:
                return "new long[] {" + expr(Ty.LONG, depth - 1, ctx) + "}";
            case DOUBLES:
                return "new double[][] {{" + expr(Ty.DOUBLE, depth - 1, ctx) + "}, {1.5, "
                        + expr(Ty.DOUBLE, depth - 1, ctx) + "}}";
            case STRINGS:
                return "new String[] {" + expr(Ty.STRING, depth - 1, ctx) + ", \"z\"}";
            default:
                return "new char[] {" + expr(Ty.CHAR, depth - 1, ctx) + ", 'q'}";
        }
    }

    /** An expression of type t that may suspend: a call, a yield, a switch with a yield in an arm. */
    private String suspending(Ty t, int depth, Ctx ctx) {
        int k = s.r.nextInt(10);
        if (k < 5) {
            GrammarState.Method m = callable(ctx, t);
            if (m != null) {
                return call(m, depth - 1, ctx);
            }
        }
        if (k < 7 && t == Ty.INT) {
            return s.r.nextInt(3) == 0 ? "Trace.i(Co.receive())" : "Trace.i(Co.yield(" + expr(s.anyType(), depth - 1, ctx) + "))";
        }
        if (k < 7 && t == Ty.OBJECT) {
            return "Co.yield(" + expr(s.anyType(), depth - 1, ctx) + ")";
        }
        if (k < 7 && t == Ty.STRING) {
            return "String.valueOf((Object) Co.yield(" + expr(s.anyType(), depth - 1, ctx) + "))";
        }
        if (k == 7 && t == Ty.INT) {
            return opCall(depth, ctx);
        }
        if (k >= 8) {
            String shaped = g.shapeExpression(t, depth, ctx);
            if (shaped != null) {
                return shaped;
            }
            if (s.armNesting == 0 && !s.release8) {
                return g.switches.switchExpression(t, depth, ctx);
            }
        }
        GrammarState.Method m = callable(ctx, t);
        return m == null ? null : call(m, depth - 1, ctx);
    }

    /** An int expression that suspends: a yield whose answer counts. */
    String suspendingInt(Ctx ctx) {
        return "Trace.i(Co.yield(" + expr(s.valueType(), 1, ctx) + "))";
    }

    String opCall(int depth, Ctx ctx) {
        Locals.Var op = s.locals.of(Ty.OP);
        String receiver = op != null && s.r.nextBoolean() ? op.name() : "new " + s.pick("OpA", "OpB") + "()";
        return receiver + ".apply(d - 1, " + expr(Ty.INT, depth - 1, ctx) + ")";
    }

    private String intExpr(int depth, Ctx ctx) {
        switch (s.r.nextInt(14)) {
            case 0:
            case 1:
            case 2:
                return "(" + expr(Ty.INT, depth - 1, ctx) + " " + s.pick("+", "-", "*", "&", "|", "^") + " "
                        + expr(Ty.INT, depth - 1, ctx) + ")";
            case 3:
                // Mostly a divisor that cannot be 0, sometimes one that can (ArithmeticException).
                return "(" + expr(Ty.INT, depth - 1, ctx) + " " + s.pick("/", "%") + " "
                        + (s.r.nextInt(4) == 0 ? expr(Ty.INT, depth - 1, ctx) : "(" + expr(Ty.INT, depth - 1, ctx) + " | 1)") + ")";
            case 4:
                return "(int) " + expr(s.pick(Ty.LONG, Ty.DOUBLE, Ty.FLOAT), depth - 1, ctx);
            case 5:
                return expr(s.pick(Ty.CHAR, Ty.BYTE, Ty.SHORT), depth - 1, ctx);
            case 6:
                return "(" + expr(Ty.BOOLEAN, depth - 1, ctx) + " ? " + expr(Ty.INT, depth - 1, ctx) + " : "
                        + expr(Ty.INT, depth - 1, ctx) + ")";
            case 7: {
                Locals.Var a = s.locals.of(Ty.INTS);
                String arr = a != null ? a.name() : expr(Ty.INTS, depth - 1, ctx);
                return s.r.nextInt(5) == 0 ? arr + "[" + expr(Ty.INT, depth - 1, ctx) + "]"
                        : "(" + arr + ")[Math.floorMod(" + expr(Ty.INT, depth - 1, ctx) + ", 2)]";
            }
            case 8:
                return expr(Ty.STRING, depth - 1, ctx) + ".length()";
            case 9:
                return "Math.max(" + expr(Ty.INT, depth - 1, ctx) + ", " + expr(Ty.INT, depth - 1, ctx) + ")";
            case 10: {
                Locals.Var b = s.locals.of(Ty.BOX);
                return b != null ? b.name() + ".x" : expr(Ty.BOX, depth - 1, ctx) + ".x";
            }
            case 11:
                if (ctx.instance()) {
                    return s.r.nextBoolean() ? "acc" : "(acc += " + expr(Ty.INT, depth - 1, ctx) + ")";
                }
                return opCall(depth, ctx);
            case 12: {
                Locals.Var v = s.locals.assignableOf(Ty.INT);
                if (v != null) {
                    return s.r.nextBoolean() ? "(" + v.name() + s.pick("++", "--") + ")"
                            : "(" + v.name() + " = " + expr(Ty.INT, depth - 1, ctx) + ")";
                }
                return "(" + expr(Ty.INT, depth - 1, ctx) + " << 3)";
            }
            default:
                return "Integer.compare(" + expr(Ty.INT, depth - 1, ctx) + ", " + expr(Ty.INT, depth - 1, ctx) + ")";
        }
    }

    private String charArrayRead(int depth, Ctx ctx) {
        Locals.Var a = s.locals.of(Ty.CHARS);
        String arr = a != null ? a.name() : expr(Ty.CHARS, depth - 1, ctx);
        return "(" + arr + ")[Math.floorMod(" + expr(Ty.INT, depth - 1, ctx) + ", 2)]";
    }

    private String longExpr(int depth, Ctx ctx) {
        switch (s.r.nextInt(6)) {
            case 0:
            case 1:
                return "(" + expr(Ty.LONG, depth - 1, ctx) + " " + s.pick("+", "-", "*", "^", "/") + " "
                        + expr(s.pick(Ty.LONG, Ty.INT), depth - 1, ctx) + ")";
            case 2:
                return "(long) " + expr(s.pick(Ty.INT, Ty.DOUBLE, Ty.CHAR), depth - 1, ctx);
            case 3: {
                Locals.Var a = s.locals.of(Ty.LONGS);
                String arr = a != null ? a.name() : expr(Ty.LONGS, depth - 1, ctx);
                return "(" + arr + ")[0]";
            }
            case 4:
                return "(" + expr(Ty.LONG, depth - 1, ctx) + " << " + expr(Ty.INT, depth - 1, ctx) + ")";
            default:
                return "(" + expr(Ty.BOOLEAN, depth - 1, ctx) + " ? " + expr(Ty.LONG, depth - 1, ctx) + " : "
                        + expr(Ty.LONG, depth - 1, ctx) + ")";
        }
    }

    private String floatingExpr(Ty t, int depth, Ctx ctx) {
        switch (s.r.nextInt(5)) {
            case 0:
            case 1:
                return "(" + expr(t, depth - 1, ctx) + " " + s.pick("+", "-", "*", "/") + " "
                        + expr(s.pick(t, Ty.INT, Ty.FLOAT), depth - 1, ctx) + ")";
            case 2:
                return "(" + t.java + ") " + expr(s.pick(Ty.INT, Ty.LONG, Ty.DOUBLE), depth - 1, ctx);
            case 3:
                if (t == Ty.DOUBLE) {
                    Locals.Var a = s.locals.of(Ty.DOUBLES);
                    String arr = a != null ? a.name() : expr(Ty.DOUBLES, depth - 1, ctx);
                    return "(" + arr + ")[Math.floorMod(" + expr(Ty.INT, depth - 1, ctx) + ", 2)][0]";
                }
                return "Math.abs(" + expr(t, depth - 1, ctx) + ")";
            default:
                return "(" + expr(Ty.BOOLEAN, depth - 1, ctx) + " ? " + expr(t, depth - 1, ctx) + " : "
                        + expr(t, depth - 1, ctx) + ")";
        }
    }

    private String boolExpr(int depth, Ctx ctx) {
        switch (s.r.nextInt(8)) {
            case 0:
            case 1: {
                Ty t = s.pick(Ty.INT, Ty.LONG, Ty.DOUBLE, Ty.CHAR, Ty.INT);
                return "(" + expr(t, depth - 1, ctx) + " " + s.pick("<", "<=", ">", ">=", "==", "!=") + " "
                        + expr(t, depth - 1, ctx) + ")";
            }
            case 2:
                return "(" + expr(Ty.BOOLEAN, depth - 1, ctx) + " " + s.pick("&&", "||", "^", "&") + " "
                        + expr(Ty.BOOLEAN, depth - 1, ctx) + ")";
            case 3:
                return "!" + expr(Ty.BOOLEAN, depth - 1, ctx);
            case 4:
                return "((Object) (" + expr(Ty.OBJECT, depth - 1, ctx) + ") " + s.pick("== null", "!= null",
                        "instanceof String", "instanceof Integer", "instanceof int[]") + ")";
            case 5:
                return "java.util.Objects.equals(" + expr(Ty.OBJECT, depth - 1, ctx) + ", " + expr(Ty.OBJECT, depth - 1, ctx) + ")";
            case 6:
                return "(" + expr(Ty.COLOR, depth - 1, ctx) + " == Color." + s.pick("RED", "GREEN", "BLUE") + ")";
            default:
                return expr(Ty.STRING, depth - 1, ctx) + ".isEmpty()";
        }
    }

    private String stringExpr(int depth, Ctx ctx) {
        switch (s.r.nextInt(7)) {
            case 0:
            case 1:
            case 2:
                return "(\"" + s.pick("a", "b", "t1", "") + "\" + " + expr(s.valueType(), depth - 1, ctx) + " + "
                        + expr(s.valueType(), depth - 1, ctx) + ")";
            case 3:
                return "String.valueOf(" + expr(s.anyScalar(), depth - 1, ctx) + ")";
            case 4:
                return "Trace.two(" + (s.r.nextBoolean() ? "(Object) null" : expr(Ty.OBJECT, depth - 1, ctx)) + ", "
                        + expr(s.anyType(), depth - 1, ctx) + ")";
            case 5: {
                Locals.Var b = s.locals.of(Ty.BOX);
                return b != null ? b.name() + ".s" : expr(Ty.COLOR, depth - 1, ctx) + ".name()";
            }
            default:
                return "(" + expr(Ty.BOOLEAN, depth - 1, ctx) + " ? " + expr(Ty.STRING, depth - 1, ctx) + " : "
                        + expr(Ty.STRING, depth - 1, ctx) + ")";
        }
    }

    private String leaf(Ty t) {
        if (s.r.nextInt(3) != 0) {
            Locals.Var v = s.locals.of(t);
            if (v != null) {
                return v.name();
            }
        }
        return literal(t);
    }

    String literal(Ty t) {
        switch (t) {
            case INT:
                return s.pickWeighted(String.valueOf(s.r.nextInt(21) - 5), "Integer.MAX_VALUE", "Integer.MIN_VALUE", "0");
            case LONG:
                return s.pickWeighted((s.r.nextInt(2001) - 1000) + "L", "Long.MIN_VALUE", "0x1_0000_0001L", "-1L");
            case FLOAT:
                return s.pickWeighted((s.r.nextInt(100) / 4.0f) + "f", "-0.0f", "Float.NaN", "1e30f");
            case DOUBLE:
                return s.pickWeighted(String.valueOf(s.r.nextInt(1000) / 8.0), "-0.0", "Double.NaN", "1e300");
            case BYTE:
                return "(byte) " + (s.r.nextInt(256) - 128);
            case SHORT:
                return "(short) " + (s.r.nextInt(65536) - 32768);
            case CHAR:
                return s.pickWeighted("'" + (char) ('a' + s.r.nextInt(26)) + "'", "'\\u00e9'", "'0'", "'z'");
            case BOOLEAN:
                return s.r.nextBoolean() ? "true" : "false";
            case STRING:
                return s.r.nextInt(20) == 0 ? "((String) null)" : "\"" + s.pick("a", "b", "t1", "", "xyz", "null") + "\"";
            case OBJECT:
                return s.r.nextInt(3) == 0 ? "((Object) null)" : literal(s.anyScalar());
            case BOX:
                return "new Box(" + literal(Ty.INT) + ", " + literal(Ty.STRING) + ")";
            case COLOR:
                return "Color." + s.pick("RED", "GREEN", "BLUE");
            case OP:
                return "new " + s.pick("OpA", "OpB") + "()";
            case INTS:
                return "new int[] {" + literal(Ty.INT) + ", " + literal(Ty.INT) + "}";
            case LONGS:
                return "new long[] {" + literal(Ty.LONG) + "}";
            case DOUBLES:
                return "new double[][] {{" + literal(Ty.DOUBLE) + "}, {0.25}}";
            case STRINGS:
                return "new String[] {" + literal(Ty.STRING) + ", \"s\"}";
            default:
                return "\"ab\".toCharArray()";
        }
    }

    /** A call of m with fresh arguments; instance methods through this (or bare). */
    String call(GrammarState.Method m, int depth, Ctx ctx) {
        StringBuilder sb = new StringBuilder();
        if (!m.isStatic() && s.r.nextBoolean()) {
            sb.append("this.");
        }
        sb.append(m.name()).append("(d - 1");
        for (Ty p : m.params()) {
            sb.append(", ").append(expr(p, depth, ctx));
        }
        return sb.append(')').toString();
    }

    /** A method callable here returning t (any, if t is null), or null. */
    GrammarState.Method callable(Ctx ctx, Ty t) {
        List<GrammarState.Method> ok = new ArrayList<>();
        for (GrammarState.Method m : s.methods) {
            if ((m.isStatic() || ctx.instance()) && (t == null || m.ret() == t)) {
                ok.add(m);
            }
        }
        return ok.isEmpty() ? null : ok.get(s.r.nextInt(ok.size()));
    }
}
