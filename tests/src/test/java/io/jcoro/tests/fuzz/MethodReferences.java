package io.jcoro.tests.fuzz;

/**
 * Method references through the program's own {@code @Coroutine} functional interfaces, in every
 * form javac accepts (issue 10, item 1): unbound receiver, bound, static with boxing, unboxing and
 * widening, {@code this::m}, {@code super::m}, varargs, generic and bridge targets, interface
 * default methods, exact references to another class; and, as controls that are no bug, the same
 * targets through lambdas and exact references to the class that holds them. Every target suspends,
 * so the call through the interface is rewound on the next resume.
 */
final class MethodReferences implements ShapeWriter {
    private final Grammar g;
    private final GrammarState s;

    MethodReferences(Grammar g) {
        this.g = g;
        this.s = g.state;
    }

    /** @return whether the program class extends its base (for {@code super::hop}) */
    boolean needsBase() {
        return s.has(Shape.REF_SUPER) || s.has(Shape.REF_THIS);
    }

    /** An int argument, exactly int: a short one would not box to Integer. */
    private String intArg(Ctx ctx) {
        return GrammarState.typed(Ty.INT, g.expressions.expr(Ty.INT, 1, ctx));
    }

    @Override
    public boolean statement(Shape shape, Ctx ctx) {
        boolean here = ctx.instance() && !ctx.nested();
        String f = s.fresh("f");
        String r = s.fresh("q");
        String use;
        Ty t;
        switch (shape) {
            case REF_UNBOUND:
                s.line("CoFn<Tg, String> " + f + " = Tg::greet;");
                use = f + ".apply(new Tg(" + intArg(ctx) + "))";
                t = Ty.STRING;
                break;
            case REF_BOUND: {
                String tg = s.fresh("tg");
                s.line("Tg " + tg + " = new Tg(" + intArg(ctx) + ");");
                s.line("CoFn<Integer, Integer> " + f + " = " + (s.r.nextBoolean() ? tg : "new Tg(" + s.r.nextInt(9) + ")") + "::plus;");
                use = f + ".apply(" + intArg(ctx) + ")";
                t = Ty.INT;
                break;
            }
            case REF_STATIC_BOXING:
                s.line("CoFn<Integer, Integer> " + f + " = Tg::twice;");
                use = f + ".apply(" + intArg(ctx) + ")";
                t = Ty.INT;
                break;
            case REF_STATIC_WIDENING:
                // long widen(long) for apply(int): the argument widens; int twice(int): the result.
                s.line("CoIntToLong " + f + " = Tg::" + s.pick("widen", "twice") + ";");
                use = f + ".apply(" + intArg(ctx) + ")";
                t = Ty.LONG;
                break;
            case REF_THIS:
            case REF_SUPER:
                if (!here) {
                    return false;
                }
                s.line("CoFn<Integer, Integer> " + f + " = " + (shape == Shape.REF_THIS ? "this" : "super") + "::hop;");
                use = f + ".apply(" + intArg(ctx) + ")";
                t = Ty.INT;
                break;
            case REF_VARARGS:
                s.line("CoBi<String, String, String> " + f + " = Tg::join;");
                use = f + ".apply(" + g.expressions.expr(Ty.STRING, 1, ctx) + ", \"j\")";
                t = Ty.STRING;
                break;
            case REF_GENERIC:
                s.line("CoFn<String, String> " + f + " = Tg::echo;");
                use = f + ".apply(" + g.expressions.expr(Ty.STRING, 1, ctx) + ")";
                t = Ty.STRING;
                break;
            case REF_BRIDGE:
                // Through Inc's reference, or through the bridge apply(Object) javac writes in Inc.
                s.line("CoFn<Integer, Integer> " + f + " = " + (s.r.nextBoolean() ? "new Inc()::apply" : "new Inc()") + ";");
                use = f + ".apply(" + intArg(ctx) + ")";
                t = Ty.INT;
                break;
            case REF_DEFAULT:
                if (s.r.nextBoolean()) {
                    s.line("CoFn<Integer, String> " + f + " = new Tg(" + s.r.nextInt(9) + ")::hello;");
                    use = f + ".apply(" + intArg(ctx) + ")";
                } else {
                    s.line("CoBi<Greeter, Integer, String> " + f + " = Greeter::hello;");
                    use = f + ".apply(new Tg(" + s.r.nextInt(9) + "), " + intArg(ctx) + ")";
                }
                t = Ty.STRING;
                break;
            case REF_EXACT_OTHER_CLASS:
                s.line("CoIntFn " + f + " = " + s.pick("Tg::twice", "new Tg(" + s.r.nextInt(9) + ")::plus") + ";");
                use = f + ".apply(" + intArg(ctx) + ")";
                t = Ty.INT;
                break;
            case REF_EXACT_CONTROL:
                if (ctx.nested()) {
                    return false; // in OpA, the program class is another class
                }
                s.line("CoIntFn " + f + " = " + (here && s.r.nextBoolean() ? "this::plusHere" : s.className + "::twiceHere") + ";");
                use = f + ".apply(" + intArg(ctx) + ")";
                t = Ty.INT;
                break;
            default: {
                String a = s.fresh("a");
                switch (s.r.nextInt(3)) {
                    case 0:
                        s.line("CoFn<Integer, Integer> " + f + " = " + a + " -> Tg.twice(" + a + ");");
                        break;
                    case 1:
                        s.line("CoFn<Integer, Integer> " + f + " = " + a + " -> new Tg(2).plus(" + a + ");");
                        break;
                    default:
                        s.line("CoFn<Integer, Integer> " + f + " = " + a + " -> Integer.valueOf(Tg.greetOf(" + a + ").length());");
                        break;
                }
                use = f + ".apply(" + intArg(ctx) + ")";
                t = Ty.INT;
                break;
            }
        }
        if (s.r.nextInt(3) == 0) {
            // The call with a value below it on the operand stack.
            s.line("Trace.v(\"" + r + "\", Trace.two(" + g.expressions.expr(s.valueType(), 1, ctx) + ", " + use + "));");
        } else {
            s.line(t.java + " " + r + " = " + use + ";");
            s.line("Trace.v(\"" + r + "\", " + r + ");");
            s.locals.declare(r, t, true);
        }
        return true;
    }

    @Override
    public String expression(Ty t, int depth, Ctx ctx) {
        if (t == Ty.INT && s.has(Shape.REF_STATIC_BOXING)) {
            s.use(Shape.REF_STATIC_BOXING);
            return "((int) ((CoFn<Integer, Integer>) Tg::twice).apply("
                    + GrammarState.typed(Ty.INT, g.expressions.expr(Ty.INT, depth - 1, ctx)) + "))";
        }
        if (t == Ty.STRING && s.has(Shape.REF_UNBOUND)) {
            s.use(Shape.REF_UNBOUND);
            return "((CoFn<Tg, String>) Tg::greet).apply(new Tg(" + s.r.nextInt(9) + "))";
        }
        return null;
    }

    @Override
    public void members() {
        String[] lines = {
            "",
            "@FunctionalInterface",
            "interface CoFn<A, R> {",
            "    @Coroutine",
            "    R apply(A a);",
            "}",
            "",
            "@FunctionalInterface",
            "interface CoBi<A, B, R> {",
            "    @Coroutine",
            "    R apply(A a, B b);",
            "}",
            "",
            "@FunctionalInterface",
            "interface CoIntFn {",
            "    @Coroutine",
            "    int apply(int x);",
            "}",
            "",
            "@FunctionalInterface",
            "interface CoIntToLong {",
            "    @Coroutine",
            "    long apply(int x);",
            "}",
            "",
            "interface Greeter {",
            "    String name();",
            "",
            "    @Coroutine",
            "    default String hello(Integer x) {",
            "        Object got = Co.yield(\"hello \" + x + \" \" + name());",
            "        return \"hello\" + x + \"/\" + got;",
            "    }",
            "}",
            "",
            "static final class Tg implements Greeter {",
            "    final int k;",
            "",
            "    Tg(int k) {",
            "        this.k = k;",
            "    }",
            "",
            "    @Override",
            "    public String name() {",
            "        return \"tg\" + k;",
            "    }",
            "",
            "    static String greetOf(int k) {",
            "        return \"plain\" + k;",
            "    }",
            "",
            "    @Coroutine",
            "    String greet() {",
            "        Object got = Co.yield(\"greet \" + k);",
            "        return \"hi\" + k + \"/\" + got;",
            "    }",
            "",
            "    @Coroutine",
            "    static int twice(int x) {",
            "        int got = Trace.i(Co.yield(\"twice \" + x));",
            "        return 2 * x + got;",
            "    }",
            "",
            "    @Coroutine",
            "    int plus(int x) {",
            "        Co.yield(\"plus \" + x + \" \" + k);",
            "        return x + k;",
            "    }",
            "",
            "    @Coroutine",
            "    static long widen(long x) {",
            "        Co.yield(\"widen \" + x);",
            "        return x * 3;",
            "    }",
            "",
            "    @Coroutine",
            "    static String join(String... parts) {",
            "        Object got = Co.yield(\"join \" + parts.length);",
            "        return String.join(\"+\", parts) + \"/\" + got;",
            "    }",
            "",
            "    @Coroutine",
            "    static <T> T echo(T x) {",
            "        Co.yield(\"echo \" + x);",
            "        return x;",
            "    }",
            "}",
            "",
            "static final class Inc implements CoFn<Integer, Integer> {",
            "    @Override",
            "    @Coroutine",
            "    public Integer apply(Integer x) {",
            "        int got = Trace.i(Co.yield(\"inc \" + x));",
            "        return x + 1 + got;",
            "    }",
            "}",
        };
        for (String l : lines) {
            s.line(l);
        }
        s.line("");
        s.line("@Coroutine");
        s.line("static int twiceHere(int x) {");
        s.line("    int got = Trace.i(Co.yield(\"twiceHere \" + x));");
        s.line("    return 2 * x + got;");
        s.line("}");
        s.line("");
        s.line("@Coroutine");
        s.line("int plusHere(int x) {");
        s.line("    Co.yield(\"plusHere \" + x + \" \" + acc);");
        s.line("    return x + acc;");
        s.line("}");
        if (needsBase()) {
            s.line("");
            s.line("@Override");
            s.line("@Coroutine");
            s.line("int hop(int x) {");
            s.line("    Object got = Co.yield(\"hop \" + x);");
            s.line("    return x + 100 + Trace.i(got);");
            s.line("}");
        }
    }

    @Override
    public void topLevel() {
        if (needsBase()) {
            s.line("");
            s.line("abstract class " + s.className + "_Base {");
            s.line("    @Coroutine");
            s.line("    int hop(int x) {");
            s.line("        Co.yield(\"base hop \" + x);");
            s.line("        return x * 5;");
            s.line("    }");
            s.line("}");
        }
    }
}
