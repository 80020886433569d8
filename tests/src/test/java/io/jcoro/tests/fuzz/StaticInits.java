package io.jcoro.tests.fuzz;

/**
 * {@code new K(..., suspendingCall())} where K's static initializer (and its superclass's)
 * prints (issue 10, item 4): the JVM initializes K at the {@code new}, before the arguments,
 * so the print comes before the suspension. Each use has a class of its own, initialized once
 * per run.
 */
final class StaticInits implements ShapeWriter {
    private final Grammar g;
    private final GrammarState s;

    StaticInits(Grammar g) {
        this.g = g;
        this.s = g.state;
    }

    /** @return {@code new K<n>(value, suspending int)}, K's declaration added to the members */
    private String construction(Ctx ctx) {
        String k = s.fresh("K");
        boolean base = s.r.nextBoolean();
        StringBuilder decl = new StringBuilder("\n");
        if (base) {
            decl.append("static class ").append(k).append("Base {\n")
                    .append("    static {\n")
                    .append("        Trace.e(\"clinit ").append(k).append("Base fuel=\" + fuel);\n")
                    .append("    }\n")
                    .append("}\n\n");
        }
        decl.append("static final class ").append(k).append(base ? " extends " + k + "Base" : "").append(" {\n")
                .append("    static int made;\n\n")
                .append("    static {\n")
                .append("        Trace.e(\"clinit ").append(k).append(" fuel=\" + fuel);\n")
                .append("    }\n\n")
                .append("    final Object v;\n\n")
                .append("    ").append(k).append("(Object v, int w) {\n")
                .append("        this.v = v;\n")
                .append("        made++;\n")
                .append("        Trace.e(\"new ").append(k).append(" \" + made + \" \" + w);\n")
                .append("    }\n")
                .append("}\n");
        s.extraMembers.add(decl.toString());
        String suspending = s.r.nextInt(4) == 0 ? g.expressions.opCall(2, ctx) : g.expressions.suspendingInt(ctx);
        return "new " + k + "(" + g.expressions.expr(s.valueType(), 1, ctx) + ", " + suspending + ")";
    }

    @Override
    public boolean statement(Shape shape, Ctx ctx) {
        String n = s.fresh("k");
        s.line("Object " + n + " = " + construction(ctx) + ".v;");
        s.line("Trace.v(\"" + n + "\", " + n + ");");
        s.locals.declare(n, Ty.OBJECT, true);
        return true;
    }

    @Override
    public String expression(Ty t, int depth, Ctx ctx) {
        if (t == Ty.OBJECT) {
            s.use(Shape.STATIC_INIT);
            return construction(ctx) + ".v";
        }
        return null;
    }
}
