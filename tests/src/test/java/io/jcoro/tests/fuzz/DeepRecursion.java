package io.jcoro.tests.fuzz;

/**
 * Recursion 1,000 to 1,300 calls deep with suspensions at the bottom and some on the way up
 * (issue 10, item 5): every resume at the bottom rewinds all those frames.
 */
final class DeepRecursion implements ShapeWriter {
    private final Grammar g;
    private final GrammarState s;

    DeepRecursion(Grammar g) {
        this.g = g;
        this.s = g.state;
    }

    @Override
    public boolean statement(Shape shape, Ctx ctx) {
        String n = s.fresh("deep");
        int depth = 1000 + s.r.nextInt(301);
        int every = 200 + s.r.nextInt(700);
        s.line("long " + n + " = deep(" + depth + ", " + g.expressions.expr(Ty.STRING, 1, ctx) + ", " + every + ");");
        s.line("Trace.v(\"" + n + "\", " + n + ");");
        s.locals.declare(n, Ty.LONG, true);
        return true;
    }

    @Override
    public void members() {
        String[] lines = {
            "",
            "@Coroutine",
            "static long deep(int n, String s, int every) {",
            "    if (n == 0) {",
            "        Object got = Co.yield(\"bottom \" + s);",
            "        Trace.v(\"bottom\", got);",
            "        return Trace.i(got) + Trace.i(Co.yield(String.valueOf(s).length()));",
            "    }",
            "    long below = deep(n - 1, s, every);",
            "    if (n % every == 0) {",
            "        Co.yield(\"up \" + n);",
            "    }",
            "    return below + n % 7;",
            "}",
        };
        for (String l : lines) {
            s.line(l);
        }
    }
}
