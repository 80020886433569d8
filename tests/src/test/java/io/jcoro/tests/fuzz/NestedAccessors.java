package io.jcoro.tests.fuzz;

/**
 * Private coroutines of nested classes called across class boundaries, both ways (issue 10,
 * item 3). Compiled with {@code --release 8} (shape ACCESSOR_RELEASE8), javac reaches them
 * through synthetic {@code access$NNN} methods; compiled for 17 (NESTMATES_CONTROL), directly.
 */
final class NestedAccessors implements ShapeWriter {
    private final Grammar g;
    private final GrammarState s;

    NestedAccessors(Grammar g) {
        this.g = g;
        this.s = g.state;
    }

    @Override
    public boolean statement(Shape shape, Ctx ctx) {
        String n = s.fresh("n");
        String arg = g.expressions.expr(Ty.INT, 1, ctx);
        switch (s.r.nextInt(ctx.instance() && !ctx.nested() ? 4 : 3)) {
            case 0:
                s.line("int " + n + " = new Nest().step(d, " + arg + ");");
                s.locals.declare(n, Ty.INT, true);
                break;
            case 1:
                s.line("String " + n + " = Nest.label(" + arg + ");");
                s.locals.declare(n, Ty.STRING, true);
                break;
            case 2:
                s.line("int " + n + " = secret(" + arg + ");");
                s.locals.declare(n, Ty.INT, true);
                break;
            default:
                s.line("int " + n + " = new Inner().peek(" + arg + ");");
                s.locals.declare(n, Ty.INT, true);
                break;
        }
        s.line("Trace.v(\"" + n + "\", " + n + ");");
        return true;
    }

    @Override
    public void members() {
        String[] lines = {
            "",
            "static final class Nest {",
            "    private int hits;",
            "",
            "    @Coroutine",
            "    private int step(int d, int x) {",
            "        hits++;",
            "        Trace.e(\"Nest.step \" + x + \" \" + hits);",
            "        int y = Trace.i(Co.yield(\"nest \" + x));",
            "        return x + y + (d > 0 ? secret(d - 1) : 0);",
            "    }",
            "",
            "    @Coroutine",
            "    private static String label(int x) {",
            "        Object got = Co.yield(\"label \" + x);",
            "        return \"L\" + x + \"/\" + got;",
            "    }",
            "}",
            "",
            "final class Inner {",
            "    @Coroutine",
            "    private int peek(int x) {",
            "        Co.yield(\"peek \" + x);",
            "        return x + acc + privateOfOuter(x);",
            "    }",
            "}",
            "",
            "@Coroutine",
            "private static int secret(int d) {",
            "    Trace.e(\"secret \" + d);",
            "    return Trace.i(Co.yield(\"secret \" + d)) + d + Nest.label(d).length();",
            "}",
            "",
            "@Coroutine",
            "private int privateOfOuter(int x) {",
            "    Object got = Co.yield(\"private \" + x);",
            "    return x * 2 + Trace.i(got);",
            "}",
        };
        for (String l : lines) {
            s.line(l);
        }
    }
}
