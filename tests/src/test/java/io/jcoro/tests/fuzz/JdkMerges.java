package io.jcoro.tests.fuzz;

/**
 * Values of two JDK classes whose nearest common superclass is not public (issue 10, item 2):
 * a {@code StringBuilder} on one path and a {@code StringBuffer} on the other merge to
 * {@code java.lang.AbstractStringBuilder}, package-private in java.lang; held in a local declared
 * {@code Object} or {@code CharSequence}, or on the operand stack, across a suspension.
 */
final class JdkMerges implements ShapeWriter {
    private final Grammar g;
    private final GrammarState s;

    JdkMerges(Grammar g) {
        this.g = g;
        this.s = g.state;
    }

    private String text(Ctx ctx) {
        return "String.valueOf(" + g.expressions.expr(s.valueType(), 1, ctx) + ")";
    }

    /** A conditional whose two arms are a StringBuilder and a StringBuffer. */
    private String either(Ctx ctx) {
        String builder = "new StringBuilder(" + text(ctx) + ")";
        String buffer = "new StringBuffer(" + text(ctx) + ")";
        boolean flip = s.r.nextBoolean();
        return "(" + g.expressions.expr(Ty.BOOLEAN, 1, ctx) + " ? " + (flip ? buffer : builder) + " : "
                + (flip ? builder : buffer) + ")";
    }

    @Override
    public boolean statement(Shape shape, Ctx ctx) {
        String m = s.fresh("m");
        if (shape == Shape.MERGE_STACK) {
            s.budget(1);
            s.line("Trace.v(\"" + m + "\", " + stack(ctx) + ");");
            return true;
        }
        String type = shape == Shape.MERGE_OBJECT ? "Object" : "CharSequence";
        switch (s.r.nextInt(3)) {
            case 0:
                s.line(type + " " + m + " = " + either(ctx) + ";");
                break;
            case 1:
                s.line(type + " " + m + ";");
                s.line("if (" + g.expressions.expr(Ty.BOOLEAN, 1, ctx) + ") {");
                s.line("    " + m + " = new StringBuilder(" + text(ctx) + ");");
                s.line("} else {");
                s.line("    " + m + " = new StringBuffer(" + text(ctx) + ");");
                s.line("}");
                break;
            default: {
                // Merged at a loop head: a builder first, then either.
                String i = s.fresh("i");
                s.line(type + " " + m + " = new StringBuilder(" + text(ctx) + ");");
                s.line("for (int " + i + " = 0; " + i + " < 2; " + i + "++) {");
                s.line("    Trace.v(\"" + m + "\", " + m + ");");
                s.line("    Co.yield(" + m + ".toString());");
                s.line("    " + m + " = " + i + " == 0 ? new StringBuffer(\"u\" + " + m + ") : new StringBuilder(\"v\" + " + m + ");");
                s.line("}");
                break;
            }
        }
        g.statements.yieldStatement(ctx);
        s.line("Trace.v(\"" + m + "\", " + m + ");");
        if (type.equals("CharSequence")) {
            s.line("Trace.v(\"" + m + ".length\", " + m + ".length());");
        }
        return true;
    }

    /** A builder or buffer on the operand stack while an argument after it suspends. */
    private String stack(Ctx ctx) {
        return "Trace.two(" + either(ctx) + ", " + g.expressions.suspendingInt(ctx) + ")";
    }

    @Override
    public String expression(Ty t, int depth, Ctx ctx) {
        if (t == Ty.STRING && s.has(Shape.MERGE_STACK)) {
            s.use(Shape.MERGE_STACK);
            return stack(ctx);
        }
        return null;
    }
}
