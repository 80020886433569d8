package io.jcoro.tests.fuzz;

/**
 * Programs over two packages (issue 10, item 2): a companion class in package {@code fz.q}
 * whose public methods (coroutines among them) return package-private classes of that package;
 * the program holds such values in locals declared {@code Object} and on the operand stack across
 * suspensions, where the program's class cannot name their type.
 */
final class CrossPackage implements ShapeWriter {
    /** The companion's package. */
    static final String PACKAGE = "fz.q";

    private final Grammar g;
    private final GrammarState s;

    CrossPackage(Grammar g) {
        this.g = g;
        this.s = g.state;
    }

    /** @return the companion's simple name */
    String companion() {
        return s.className + "_Q";
    }

    /** @return the companion's name as the program writes it */
    private String q() {
        return PACKAGE + "." + companion();
    }

    /** @return an expression whose static type is a package-private class of fz.q */
    private String hidden(Ctx ctx) {
        String q = q();
        switch (s.r.nextInt(4)) {
            case 0:
                return q + ".make(" + g.expressions.expr(Ty.INT, 1, ctx) + ")"; // a coroutine: suspends
            case 1:
                return q + ".top(" + g.expressions.expr(Ty.STRING, 1, ctx) + ")";
            default:
                return q + ".plain(" + g.expressions.expr(Ty.INT, 1, ctx) + ")";
        }
    }

    @Override
    public boolean statement(Shape shape, Ctx ctx) {
        String q = q();
        String h = s.fresh("h");
        if (shape == Shape.XPKG_LOCAL) {
            s.line("Object " + h + " = " + hidden(ctx) + ";");
            g.statements.yieldStatement(ctx);
            if (s.r.nextBoolean()) {
                s.line("Trace.v(\"" + h + "\", " + q + ".bump(" + h + ", " + g.expressions.expr(Ty.INT, 1, ctx) + "));");
            }
            s.line("Trace.v(\"" + h + "\", " + q + ".show(" + h + "));");
            s.locals.declare(h, Ty.OBJECT, true);
        } else {
            s.budget(1);
            s.line("Trace.v(\"" + h + "\", " + stack(ctx) + ");");
        }
        return true;
    }

    /** The hidden value on the operand stack while an argument after it suspends. */
    private String stack(Ctx ctx) {
        return q() + ".show2(" + hidden(ctx) + ", " + g.expressions.suspendingInt(ctx) + ")";
    }

    @Override
    public String expression(Ty t, int depth, Ctx ctx) {
        if (t == Ty.STRING && s.has(Shape.XPKG_STACK)) {
            s.use(Shape.XPKG_STACK);
            return stack(ctx);
        }
        return null;
    }

    /** @return the companion's source after its imports (see {@link Program#sources}) */
    String source() {
        String q = companion();
        return "\n"
                + "public final class " + q + " {\n"
                + "    private " + q + "() {\n"
                + "    }\n"
                + "\n"
                + "    static final class Hidden {\n"
                + "        final int x;\n"
                + "\n"
                + "        Hidden(int x) {\n"
                + "            this.x = x;\n"
                + "        }\n"
                + "\n"
                + "        @Coroutine\n"
                + "        int bump(int k) {\n"
                + "            Object got = Co.yield(\"bump \" + x + \" \" + k);\n"
                + "            return x + k + Trace.i(got);\n"
                + "        }\n"
                + "\n"
                + "        @Override\n"
                + "        public String toString() {\n"
                + "            return \"Hidden(\" + x + \")\";\n"
                + "        }\n"
                + "    }\n"
                + "\n"
                + "    @Coroutine\n"
                + "    public static Hidden make(int x) {\n"
                + "        Object got = Co.yield(\"make \" + x);\n"
                + "        return new Hidden(x + Trace.i(got));\n"
                + "    }\n"
                + "\n"
                + "    public static Hidden plain(int x) {\n"
                + "        return new Hidden(x);\n"
                + "    }\n"
                + "\n"
                + "    public static " + q + "Top top(String s) {\n"
                + "        return new " + q + "Top(s);\n"
                + "    }\n"
                + "\n"
                + "    @Coroutine\n"
                + "    public static int bump(Object h, int k) {\n"
                + "        return h instanceof Hidden ? ((Hidden) h).bump(k) : -k;\n"
                + "    }\n"
                + "\n"
                + "    public static String show(Object h) {\n"
                + "        return String.valueOf(h);\n"
                + "    }\n"
                + "\n"
                + "    public static String show2(Object h, int k) {\n"
                + "        return h + \"&\" + k;\n"
                + "    }\n"
                + "}\n"
                + "\n"
                + "final class " + q + "Top {\n"
                + "    final String s;\n"
                + "\n"
                + "    " + q + "Top(String s) {\n"
                + "        this.s = s;\n"
                + "    }\n"
                + "\n"
                + "    @Override\n"
                + "    public String toString() {\n"
                + "        return \"Top(\" + s + \")\";\n"
                + "    }\n"
                + "}\n";
    }
}
