package io.jcoro.tests.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Writes a random, valid, terminating Java program of coroutines from a seed: several static
 * and instance coroutine methods calling each other (recursion included: every method takes a
 * depth {@code d} and the class a call budget {@code fuel}, so it ends), an interface coroutine
 * with two implementations, coroutine lambdas; loops with labelled break and continue; every
 * switch form (old with fall-through, arrow, switch expressions with yields in their arms, on
 * ints, chars, strings and enums); try/catch/finally and try-with-resources, nested, with
 * throws before, at and after suspensions; locals and operand-stack values of every type
 * (all primitives, arrays, references, null) live across suspending calls,
 * {@code new Box(suspendingCall())}; values yielded out, sent in and returned.
 *
 * <p>Every value the program computes flows into {@link Trace} calls or into what it yields
 * and returns, so a value the instrumentation loses or corrupts shows in the transcript.
 */
public final class ProgramGenerator {

    /** The value types a program uses. */
    enum Ty {
        INT("int", "Integer"), LONG("long", "Long"), FLOAT("float", "Float"), DOUBLE("double", "Double"),
        BYTE("byte", "Byte"), SHORT("short", "Short"), CHAR("char", "Character"),
        BOOLEAN("boolean", "Boolean"), STRING("String", "String"), OBJECT("Object", "Object"),
        BOX("Box", "Box"), COLOR("Color", "Color"), OP("Op", "Op"), INTS("int[]", "int[]"),
        LONGS("long[]", "long[]"), DOUBLES("double[][]", "double[][]"), STRINGS("String[]", "String[]"),
        CHARS("char[]", "char[]");

        final String java;
        final String boxed;

        Ty(String java, String boxed) {
            this.java = java;
            this.boxed = boxed;
        }

        boolean isIntLike() {
            return this == INT || this == BYTE || this == SHORT || this == CHAR;
        }
    }

    /** Types a local may have. */
    private static final Ty[] LOCAL_TYPES = Ty.values();
    /** Types a method may return (null: void). */
    private static final Ty[] RETURN_TYPES = {null, null, Ty.INT, Ty.INT, Ty.LONG, Ty.DOUBLE, Ty.FLOAT,
        Ty.STRING, Ty.STRING, Ty.BOOLEAN, Ty.OBJECT, Ty.INTS, Ty.BOX, Ty.CHAR, Ty.BYTE, Ty.SHORT};
    private static final Ty[] PARAM_TYPES = {Ty.INT, Ty.INT, Ty.LONG, Ty.DOUBLE, Ty.FLOAT, Ty.STRING,
        Ty.BOOLEAN, Ty.OBJECT, Ty.INTS, Ty.BOX, Ty.CHAR, Ty.BYTE, Ty.SHORT, Ty.COLOR, Ty.LONGS};
    /** Catchable types, each after all its subclasses, so any ordered subset is a valid catch list. */
    private static final String[] CATCHABLE = {"FuzzB", "FuzzA", "FuzzC", "ArithmeticException",
        "ArrayIndexOutOfBoundsException", "ClassCastException", "IllegalStateException",
        "IllegalArgumentException", "NullPointerException", "RuntimeException", "Exception",
        "GeneratorExit", "AssertionError", "Error", "Throwable"};
    /** Those of {@link #CATCHABLE} that are pairwise unrelated (for multi-catch), FuzzA aside. */
    private static final String[] UNRELATED = {"FuzzA", "FuzzC", "ArithmeticException",
        "ArrayIndexOutOfBoundsException", "ClassCastException", "IllegalStateException"};

    private record Var(String name, Ty type, boolean assignable) {
    }

    private record Method(String name, Ty ret, List<Ty> params, boolean isStatic) {
    }

    /** Where a statement is generated: what it may jump to and what it may use. */
    private record Ctx(Ty ret, boolean isVoid, boolean canReturn, boolean instance, boolean nested,
                       List<String> labels, boolean inLoop, boolean inBreakable, int depth) {

        Ctx deeper() {
            return new Ctx(ret, isVoid, canReturn, instance, nested, labels, inLoop, inBreakable, depth + 1);
        }

        Ctx loop(String label) {
            List<String> l = new ArrayList<>(labels);
            l.add(label);
            return new Ctx(ret, isVoid, canReturn, instance, nested, l, true, true, depth + 1);
        }

        Ctx labelledBlock(String label) {
            List<String> l = new ArrayList<>(labels);
            l.add("!" + label); // break only
            return new Ctx(ret, isVoid, canReturn, instance, nested, l, inLoop, inBreakable, depth + 1);
        }

        Ctx switchStatement() {
            return new Ctx(ret, isVoid, canReturn, instance, nested, labels, inLoop, true, depth + 1);
        }

        /** A switch expression's arm: no return, no jump out. */
        Ctx arm() {
            return new Ctx(ret, isVoid, false, instance, nested, List.of(), false, false, depth + 1);
        }
    }

    private final Random r;
    private final String className;
    private final StringBuilder out = new StringBuilder();
    private int indent;
    private int counter;
    private final List<Method> methods = new ArrayList<>();
    private final Deque<List<Var>> scopes = new ArrayDeque<>();
    /** Suspending calls and yields still allowed in the statement being written. */
    private int suspensionBudget;
    private final int maxDepth;
    /** Switch expressions are not nested in each other's arms: the programs would explode. */
    private int armNesting;

    private ProgramGenerator(long seed, String className) {
        this.r = new Random(new java.util.SplittableRandom(seed).nextLong());
        this.className = className;
        this.maxDepth = 1 + r.nextInt(2);
    }

    /**
     * @param seed the seed
     * @param className the class's simple name
     * @return the program
     */
    public static Program generate(long seed, String className) {
        ProgramGenerator g = new ProgramGenerator(seed, className);
        return new Program(seed, className, g.program());
    }

    // ---- program structure ------------------------------------------------------------------

    private String program() {
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            Ty ret = RETURN_TYPES[r.nextInt(RETURN_TYPES.length)];
            List<Ty> params = new ArrayList<>();
            int n = r.nextInt(4);
            for (int k = 0; k < n; k++) {
                params.add(PARAM_TYPES[r.nextInt(PARAM_TYPES.length)]);
            }
            methods.add(new Method("m" + i, ret, List.copyOf(params), r.nextBoolean()));
        }
        line("");
        line("public final class " + className + " implements CoSupplier<Object> {");
        indent++;
        line("static int fuel = " + (8 + r.nextInt(40)) + ";");
        line("int acc = " + r.nextInt(10) + ";");
        line("String tag = \"t" + r.nextInt(10) + "\";");
        line("");
        line("interface Op {");
        line("    @Coroutine");
        line("    int apply(int d, int x);");
        line("}");
        opClass("OpA");
        opClass("OpB");
        line("");
        // CoSupplier.get declares Exception; the lambdas throw none, so a coroutine of its own
        // calls them and passes on what they throw (the same source compiles in both variants).
        line("@Coroutine");
        line("static <R> R call(CoSupplier<R> s) {");
        line("    try {");
        line("        return s.get();");
        line("    } catch (Exception e) {");
        line("        throw (RuntimeException) e;");
        line("    }");
        line("}");
        line("");
        line("@Override");
        line("public Object get() {");
        indent++;
        scopes.push(new ArrayList<>());
        line("int d = " + (2 + r.nextInt(3)) + ";");
        declare("d", Ty.INT, false);
        Ctx ctx = new Ctx(Ty.OBJECT, false, true, true, false, List.of(), false, false, 0);
        body(ctx, 2 + r.nextInt(4));
        traceSome(3);
        budget(3);
        line("return " + expr(anyType(), 2, ctx) + ";");
        scopes.pop();
        indent--;
        line("}");
        for (Method m : methods) {
            method(m);
        }
        indent--;
        line("}");
        return out.toString();
    }

    private void opClass(String name) {
        line("");
        line("static final class " + name + " implements Op {");
        indent++;
        line("int calls;");
        line("");
        line("@Override");
        line("public int apply(int d, int x) {");
        indent++;
        scopes.push(new ArrayList<>());
        declare("d", Ty.INT, false);
        declare("x", Ty.INT, true);
        line("if (d <= 0 || --fuel < 0) {");
        line("    return x + " + r.nextInt(5) + ";");
        line("}");
        line("calls++;");
        line("Trace.e(\"" + name + ".apply \" + d + \" \" + x + \" \" + calls);");
        Ctx ctx = new Ctx(Ty.INT, false, true, false, true, List.of(), false, false, 1);
        body(ctx, 1 + r.nextInt(3));
        budget(2);
        line("return " + expr(Ty.INT, 2, ctx) + ";");
        scopes.pop();
        indent--;
        line("}");
        indent--;
        line("}");
    }

    private void method(Method m) {
        line("");
        line("@Coroutine");
        StringBuilder sig = new StringBuilder(m.isStatic ? "static " : "")
                .append(m.ret == null ? "void" : m.ret.java).append(' ').append(m.name).append("(int d");
        scopes.push(new ArrayList<>());
        declare("d", Ty.INT, false);
        for (int i = 0; i < m.params.size(); i++) {
            String p = "p" + i;
            sig.append(", ").append(m.params.get(i).java).append(' ').append(p);
            declare(p, m.params.get(i), true);
        }
        line(sig.append(") {").toString());
        indent++;
        line("if (d <= 0 || --fuel < 0) {");
        indent++;
        line("Trace.e(\"leaf " + m.name + "\");");
        line(m.ret == null ? "return;" : "return " + literal(m.ret) + ";");
        indent--;
        line("}");
        StringBuilder enter = new StringBuilder("Trace.e(\"" + m.name + " \" + d");
        for (int i = 0; i < m.params.size(); i++) {
            if (!isArray(m.params.get(i))) {
                enter.append(" + \" \" + p").append(i);
            }
        }
        line(enter.append(");").toString());
        Ctx ctx = new Ctx(m.ret, m.ret == null, true, !m.isStatic, false, List.of(), false, false, 0);
        int locals = r.nextInt(4);
        for (int i = 0; i < locals; i++) {
            declaration(ctx);
        }
        body(ctx, 2 + r.nextInt(3));
        traceSome(2);
        if (m.ret != null) {
            budget(2);
            line("return " + expr(m.ret, 2, ctx) + ";");
        }
        scopes.pop();
        indent--;
        line("}");
    }

    // ---- statements -------------------------------------------------------------------------

    private void body(Ctx ctx, int statements) {
        for (int i = 0; i < statements; i++) {
            statement(ctx);
        }
    }

    private void block(Ctx ctx, int statements) {
        scopes.push(new ArrayList<>());
        body(ctx, statements);
        scopes.pop();
    }

    private int blockSize(Ctx ctx) {
        return 1 + r.nextInt(ctx.depth >= maxDepth ? 2 : 3);
    }

    private void statement(Ctx ctx) {
        budget(1 + r.nextInt(3));
        boolean compound = ctx.depth < maxDepth;
        int k = r.nextInt(100);
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
            ifStatement(ctx);
        } else if (k < 65) {
            forLoop(ctx);
        } else if (k < 68) {
            whileLoop(ctx);
        } else if (k < 70) {
            doLoop(ctx);
        } else if (k < 73) {
            forEach(ctx);
        } else if (k < 77) {
            oldSwitch(ctx);
        } else if (k < 80) {
            arrowSwitch(ctx);
        } else if (k < 89) {
            tryStatement(ctx);
        } else if (k < 91) {
            tryWithResources(ctx);
        } else if (k < 94) {
            lambdaStatement(ctx);
        } else if (k < 96) {
            labelledBlock(ctx);
        } else {
            throwStatement(ctx);
        }
    }

    private void declaration(Ctx ctx) {
        if (r.nextInt(6) == 0) {
            lateDeclaration(ctx);
            return;
        }
        Ty t = LOCAL_TYPES[r.nextInt(LOCAL_TYPES.length)];
        String name = "v" + (++counter);
        String init = expr(t, 2, ctx);
        line(t.java + " " + name + " = " + init + ";");
        declare(name, t, true);
    }

    /**
     * A local declared without a value and assigned on every branch (with suspensions in the
     * branches): its slot has a type only where javac's definite assignment says so.
     */
    private void lateDeclaration(Ctx ctx) {
        Ty t = LOCAL_TYPES[r.nextInt(LOCAL_TYPES.length)];
        String name = "v" + (++counter);
        line(t.java + " " + name + ";");
        line("if (" + expr(Ty.BOOLEAN, 1, ctx) + ") {");
        indent++;
        scopes.push(new ArrayList<>());
        budget(1);
        if (r.nextBoolean()) {
            yieldStatement(ctx);
        }
        line(name + " = " + expr(t, 1, ctx) + ";");
        scopes.pop();
        indent--;
        line("} else {");
        indent++;
        scopes.push(new ArrayList<>());
        budget(1);
        line(name + " = " + expr(t, 1, ctx) + ";");
        if (r.nextBoolean()) {
            yieldStatement(ctx);
        }
        scopes.pop();
        indent--;
        line("}");
        declare(name, t, true);
    }

    private void assignment(Ctx ctx) {
        Var v = assignableVar();
        if (v == null) {
            declaration(ctx);
            return;
        }
        int k = r.nextInt(4);
        if (k == 0 && isNumeric(v.type)) {
            String op = pick("+=", "-=", "*=", "|=", "^=");
            if (v.type == Ty.FLOAT || v.type == Ty.DOUBLE) {
                op = pick("+=", "-=", "*=");
            }
            line(v.name + " " + op + " " + expr(numericOperand(v.type), 2, ctx) + ";");
        } else if (k == 1 && isNumeric(v.type)) {
            line(v.name + pick("++", "--") + ";");
        } else if (v.type == Ty.STRING && k == 2) {
            line(v.name + " += " + expr(valueType(), 1, ctx) + ";");
        } else {
            line(v.name + " = " + expr(v.type, 2, ctx) + ";");
        }
    }

    private void traceStatement(Ctx ctx) {
        if (r.nextInt(3) == 0) {
            Ty t = anyType();
            line(traced("e" + (++counter), t, expr(t, 2, ctx)) + ";");
            return;
        }
        Var v = anyVar();
        if (v == null) {
            line("Trace.e(\"here " + (++counter) + "\");");
        } else {
            line("Trace.v(\"" + v.name + "\", " + v.name + ");");
        }
    }

    private void yieldStatement(Ctx ctx) {
        budget(2);
        int k = r.nextInt(8);
        String n = "r" + (++counter);
        switch (k) {
            case 0:
                line("Co.yield(" + expr(anyType(), 1, ctx) + ");");
                break;
            case 1:
                line("Object " + n + " = Co.receive();");
                line("Trace.v(\"" + n + "\", " + n + ");");
                declare(n, Ty.OBJECT, true);
                break;
            case 2:
                line("int " + n + " = Trace.i(Co.yield(" + expr(anyType(), 1, ctx) + "));");
                declare(n, Ty.INT, true);
                break;
            case 3:
                line("Integer " + n + " = Co.yield(" + expr(anyType(), 1, ctx) + ");");
                line("Trace.v(\"" + n + "\", " + n + ");");
                break;
            case 4:
                if (suspensionBudget > 0) {
                    line("Co.yieldFrom(java.util.Arrays.asList(" + expr(anyType(), 1, ctx) + ", "
                            + expr(anyType(), 1, ctx) + "));");
                    break;
                }
                // fall through
            default:
                line("Object " + n + " = Co.yield(" + expr(anyType(), 2, ctx) + ");");
                line("Trace.v(\"" + n + "\", " + n + ");");
                declare(n, Ty.OBJECT, true);
                break;
        }
    }

    private void callStatement(Ctx ctx) {
        budget(2);
        Method m = callable(ctx, null);
        if (m == null) {
            yieldStatement(ctx);
            return;
        }
        String call = call(m, 1, ctx);
        if (m.ret == null || r.nextBoolean()) {
            line(call + ";");
        } else {
            String n = "c" + (++counter);
            line(m.ret.java + " " + n + " = " + call + ";");
            declare(n, m.ret, true);
            line("Trace.v(\"" + n + "\", " + n + ");");
        }
    }

    /** if (c) return/break/continue: jumps never end a block unconditionally (unreachable code). */
    private void conditionalJump(Ctx ctx) {
        List<String> options = new ArrayList<>();
        if (ctx.canReturn) {
            options.add("return");
        }
        if (ctx.inBreakable) {
            options.add("break");
        }
        if (ctx.inLoop) {
            options.add("continue");
        }
        for (String l : ctx.labels) {
            options.add(l.startsWith("!") ? "break " + l.substring(1) : r.nextBoolean() ? "break " + l : "continue " + l);
        }
        if (options.isEmpty()) {
            throwStatement(ctx);
            return;
        }
        String jump = options.get(r.nextInt(options.size()));
        if (jump.equals("return") && !ctx.isVoid) {
            jump = "return " + typed(ctx.ret, expr(ctx.ret, 1, ctx));
        }
        line("if (" + expr(Ty.BOOLEAN, 2, ctx) + ") {");
        indent++;
        String[] words = jump.split(" ");
        String what = words[0].equals("return") ? "return" : words[0] + " " + words[1 % words.length];
        line("Trace.e(\"" + what + " " + (++counter) + "\");");
        line(jump + ";");
        indent--;
        line("}");
    }

    private void throwStatement(Ctx ctx) {
        String type = pick("FuzzA", "FuzzB", "FuzzC");
        line("if (" + expr(Ty.BOOLEAN, 2, ctx) + ") {");
        indent++;
        line("throw new " + type + "(\"t" + (++counter) + " \" + " + expr(valueType(), 1, ctx) + ");");
        indent--;
        line("}");
    }

    private void arrayStore(Ctx ctx) {
        Var v = varOf(Ty.INTS, Ty.LONGS, Ty.STRINGS, Ty.CHARS, Ty.DOUBLES);
        if (v == null) {
            assignment(ctx);
            return;
        }
        String index = r.nextInt(6) == 0 ? expr(Ty.INT, 1, ctx)
                : "Math.floorMod(" + expr(Ty.INT, 1, ctx) + ", " + v.name + ".length)";
        switch (v.type) {
            case INTS:
                line(v.name + "[" + index + "] = " + expr(Ty.INT, 2, ctx) + ";");
                break;
            case LONGS:
                line(v.name + "[" + index + "] += " + expr(Ty.LONG, 2, ctx) + ";");
                break;
            case STRINGS:
                line(v.name + "[" + index + "] = " + expr(Ty.STRING, 2, ctx) + ";");
                break;
            case CHARS:
                line(v.name + "[" + index + "] = " + expr(Ty.CHAR, 2, ctx) + ";");
                break;
            default:
                line(v.name + "[" + index + "][0] = " + expr(Ty.DOUBLE, 2, ctx) + ";");
                break;
        }
    }

    private void ifStatement(Ctx ctx) {
        line("if (" + expr(Ty.BOOLEAN, 2, ctx) + ") {");
        nested(ctx.deeper());
        if (r.nextBoolean()) {
            line("} else {");
            nested(ctx.deeper());
        }
        line("}");
    }

    private void nested(Ctx ctx) {
        indent++;
        block(ctx, blockSize(ctx));
        indent--;
    }

    private String label() {
        return "L" + (++counter);
    }

    private String bound(Ctx ctx) {
        return r.nextInt(4) == 0 ? "Math.floorMod(" + expr(Ty.INT, 1, ctx) + ", 4)" : String.valueOf(r.nextInt(4));
    }

    private void forLoop(Ctx ctx) {
        String label = label();
        String i = "i" + (++counter);
        line(label + ":");
        line("for (int " + i + " = 0; " + i + " < " + bound(ctx) + "; " + i + "++) {");
        scopes.push(new ArrayList<>());
        declare(i, Ty.INT, false);
        nested(ctx.loop(label));
        scopes.pop();
        line("}");
    }

    private void whileLoop(Ctx ctx) {
        String label = label();
        String w = "w" + (++counter);
        line("int " + w + " = 0;");
        declare(w, Ty.INT, false);
        line(label + ":");
        line("while (" + w + " < " + bound(ctx) + ") {");
        line("    " + w + "++;");
        nested(ctx.loop(label));
        line("}");
    }

    private void doLoop(Ctx ctx) {
        String label = label();
        String w = "w" + (++counter);
        line("int " + w + " = 0;");
        declare(w, Ty.INT, false);
        line(label + ":");
        line("do {");
        line("    " + w + "++;");
        nested(ctx.loop(label));
        line("} while (" + w + " < " + bound(ctx) + " && " + expr(Ty.BOOLEAN, 1, ctx) + ");");
    }

    private void forEach(Ctx ctx) {
        String label = label();
        String e = "e" + (++counter);
        Ty element;
        String source;
        switch (r.nextInt(4)) {
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
                source = "java.util.Arrays.asList(" + expr(valueType(), 1, ctx) + ", " + expr(valueType(), 1, ctx) + ")";
                break;
        }
        line(label + ":");
        line("for (" + element.java + " " + e + " : " + source + ") {");
        scopes.push(new ArrayList<>());
        declare(e, element, false);
        nested(ctx.loop(label));
        scopes.pop();
        line("}");
    }

    private void labelledBlock(Ctx ctx) {
        String label = label();
        line(label + ": {");
        nested(ctx.labelledBlock(label));
        line("}");
    }

    /** A switch selector and its case labels. */
    private record Selector(String expr, List<String> labels) {
    }

    private Selector selector(Ctx ctx) {
        switch (r.nextInt(4)) {
            case 0:
                return new Selector(expr(Ty.STRING, 1, ctx), List.of("\"a\"", "\"b\"", "\"t1\"", "\"\"", "\"null\""));
            case 1:
                return new Selector(expr(Ty.COLOR, 1, ctx), List.of("RED", "GREEN", "BLUE"));
            case 2:
                return new Selector(expr(Ty.CHAR, 1, ctx), List.of("'a'", "'b'", "'z'", "'0'"));
            default:
                return new Selector(r.nextBoolean() ? "Math.floorMod(" + expr(Ty.INT, 1, ctx) + ", 5)"
                        : "(int) (" + expr(Ty.INT, 1, ctx) + ")", List.of("0", "1", "2", "3", "-1", "7"));
        }
    }

    /** Distinct labels for the cases of a switch, each case one or two of them. */
    private List<List<String>> caseGroups(Selector s, int max) {
        List<String> pool = new ArrayList<>(s.labels);
        java.util.Collections.shuffle(pool, r);
        List<List<String>> groups = new ArrayList<>();
        int n = Math.min(pool.size(), 1 + r.nextInt(max));
        int used = 0;
        for (int i = 0; i < n && used < pool.size(); i++) {
            int take = (r.nextInt(4) == 0 && used + 2 <= pool.size()) ? 2 : 1;
            groups.add(pool.subList(used, used + take));
            used += take;
        }
        return groups;
    }

    private void oldSwitch(Ctx ctx) {
        Selector s = selector(ctx);
        line("switch (" + s.expr + ") {");
        Ctx inner = ctx.switchStatement();
        for (List<String> group : caseGroups(s, 3)) {
            for (String label : group) {
                line("    case " + label + ":");
            }
            caseBody(inner);
        }
        if (r.nextBoolean()) {
            line("    default:");
            caseBody(inner);
        }
        line("}");
    }

    private void caseBody(Ctx inner) {
        indent++;
        line("{");
        indent++;
        line("Trace.e(\"case " + (++counter) + "\");");
        block(inner, blockSize(inner));
        indent--;
        line("}");
        if (r.nextInt(3) != 0) {
            line("break;");
        }
        indent--;
    }

    private void arrowSwitch(Ctx ctx) {
        Selector s = selector(ctx);
        line("switch (" + s.expr + ") {");
        Ctx inner = ctx.switchStatement();
        indent++;
        for (List<String> group : caseGroups(s, 3)) {
            arrowArm("case " + String.join(", ", group), inner);
        }
        if (r.nextBoolean()) {
            arrowArm("default", inner);
        }
        indent--;
        line("}");
    }

    private void arrowArm(String head, Ctx inner) {
        if (r.nextInt(3) == 0) {
            budget(1);
            Ty t = anyType();
            line(head + " -> " + traced("arm" + (++counter), t, expr(t, 1, inner)) + ";");
            return;
        }
        line(head + " -> {");
        nested(inner);
        line("}");
    }

    private void tryStatement(Ctx ctx) {
        int id = ++counter;
        line("try {");
        nested(ctx.deeper());
        List<String> chosen = new ArrayList<>();
        for (String c : CATCHABLE) {
            if (r.nextInt(8) == 0) {
                chosen.add(c);
            }
        }
        boolean hasFinally = chosen.isEmpty() || r.nextBoolean();
        List<String> alsoCaught = new ArrayList<>();
        for (String c : chosen) {
            if (alsoCaught.contains(c)) {
                continue;
            }
            String types = c;
            if (r.nextInt(4) == 0 && indexOf(c) < indexOf("RuntimeException")) {
                // Clauses before c catch only subclasses of RuntimeException that have no
                // subclasses here but FuzzA; another such type, not caught elsewhere, is unrelated.
                String other = UNRELATED[r.nextInt(UNRELATED.length)];
                if (!other.equals(c) && !chosen.contains(other) && !alsoCaught.contains(other)
                        && !other.equals("FuzzA")) {
                    types = c + " | " + other;
                    alsoCaught.add(other);
                }
            }
            String e = "x" + (++counter);
            line("} catch (" + types + " " + e + ") {");
            indent++;
            line("Trace.x(\"catch " + id + "\", " + e + ");");
            block(ctx.deeper(), r.nextInt(3));
            if (r.nextInt(4) == 0) {
                line("if (" + expr(Ty.BOOLEAN, 1, ctx) + ") {");
                line("    throw " + e + ";");
                line("}");
            }
            indent--;
        }
        if (hasFinally) {
            line("} finally {");
            indent++;
            line("Trace.e(\"finally " + id + "\");");
            block(ctx.deeper(), r.nextInt(3));
            indent--;
        }
        line("}");
    }

    private static int indexOf(String c) {
        return java.util.Arrays.asList(CATCHABLE).indexOf(c);
    }

    private void tryWithResources(Ctx ctx) {
        int id = ++counter;
        String res = "res" + id;
        line("try (Res " + res + " = new Res(\"r" + id + "\", " + expr(Ty.BOOLEAN, 1, ctx) + ")) {");
        nested(ctx.deeper());
        if (r.nextBoolean()) {
            String e = "x" + (++counter);
            line("} catch (FuzzC " + e + ") {");
            line("    Trace.x(\"twr " + id + "\", " + e + ");");
            line("    Trace.v(\"suppressed " + id + "\", " + e + ".getSuppressed().length);");
        }
        line("}");
    }

    /** A coroutine lambda: its body is a coroutine of its own, called through CoSupplier.get (in call). */
    private void lambdaStatement(Ctx ctx) {
        Ty t = pick(Ty.INT, Ty.STRING, Ty.OBJECT, Ty.LONG, Ty.BOX);
        String n = "s" + (++counter);
        // A lambda sees only effectively final locals: give it a scope with just d.
        Deque<List<Var>> saved = new ArrayDeque<>(scopes);
        scopes.clear();
        List<Var> only = new ArrayList<>();
        only.add(new Var("d", Ty.INT, false));
        scopes.push(only);
        Ctx body = new Ctx(t, false, true, ctx.instance, ctx.nested, List.of(), false, false, ctx.depth + 1);
        if (r.nextBoolean()) {
            budget(2);
            line("CoSupplier<" + t.boxed + "> " + n + " = () -> " + typed(t, expr(t, 2, body)) + ";");
        } else {
            line("CoSupplier<" + t.boxed + "> " + n + " = () -> {");
            indent++;
            block(body, 1 + r.nextInt(3));
            budget(1);
            line("return " + typed(t, expr(t, 1, body)) + ";");
            indent--;
            line("};");
        }
        scopes.clear();
        List<List<Var>> restore = new ArrayList<>(saved);
        for (int i = restore.size() - 1; i >= 0; i--) {
            scopes.push(restore.get(i));
        }
        String v = "g" + (++counter);
        line(t.java + " " + v + " = call(" + n + ");");
        declare(v, t, true);
        line("Trace.v(\"" + v + "\", " + v + ");");
    }

    // ---- expressions ------------------------------------------------------------------------

    private void budget(int n) {
        suspensionBudget = n;
    }

    private boolean spend() {
        if (suspensionBudget > 0 && r.nextInt(3) != 0) {
            suspensionBudget--;
            return true;
        }
        return false;
    }

    private String expr(Ty t, int depth, Ctx ctx) {
        if (depth <= 0 || r.nextInt(3) == 0) {
            return leaf(t, ctx);
        }
        if (spend()) {
            String s = suspending(t, depth, ctx);
            if (s != null) {
                return s;
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
                return r.nextBoolean() ? "(char) ('a' + Math.floorMod(" + expr(Ty.INT, depth - 1, ctx) + ", 26))"
                        : charArrayRead(depth, ctx);
            case BOOLEAN:
                return boolExpr(depth, ctx);
            case STRING:
                return stringExpr(depth, ctx);
            case OBJECT:
                return r.nextInt(3) == 0 ? "(" + expr(Ty.BOOLEAN, depth - 1, ctx) + " ? "
                        + expr(valueType(), depth - 1, ctx) + " : " + expr(valueType(), depth - 1, ctx) + ")"
                        : expr(valueType(), depth - 1, ctx);
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
        int k = r.nextInt(10);
        if (k < 5) {
            Method m = callable(ctx, t);
            if (m != null) {
                return call(m, depth - 1, ctx);
            }
        }
        if (k < 7 && t == Ty.INT) {
            return r.nextInt(3) == 0 ? "Trace.i(Co.receive())" : "Trace.i(Co.yield(" + expr(anyType(), depth - 1, ctx) + "))";
        }
        if (k < 7 && t == Ty.OBJECT) {
            return "Co.yield(" + expr(anyType(), depth - 1, ctx) + ")";
        }
        if (k < 7 && t == Ty.STRING) {
            return "String.valueOf((Object) Co.yield(" + expr(anyType(), depth - 1, ctx) + "))";
        }
        if (k == 7 && t == Ty.INT) {
            return opCall(depth, ctx);
        }
        if (k >= 8 && armNesting == 0) {
            return switchExpression(t, depth, ctx);
        }
        Method m = callable(ctx, t);
        return m == null ? null : call(m, depth - 1, ctx);
    }

    private String opCall(int depth, Ctx ctx) {
        Var op = varOf(Ty.OP);
        String receiver = op != null && r.nextBoolean() ? op.name : "new " + pick("OpA", "OpB") + "()";
        return receiver + ".apply(d - 1, " + expr(Ty.INT, depth - 1, ctx) + ")";
    }

    private String switchExpression(Ty t, int depth, Ctx ctx) {
        Selector s = selector(ctx);
        StringBuilder sb = new StringBuilder("switch (").append(s.expr).append(") {\n");
        Ctx arm = ctx.arm();
        int saved = indent;
        indent += 2;
        for (List<String> group : caseGroups(s, 3)) {
            sb.append(armOf("case " + String.join(", ", group), t, depth, arm));
        }
        sb.append(armOf("default", t, depth, arm));
        indent = saved;
        sb.append("    ".repeat(indent + 1)).append("}");
        return "(" + sb + ")";
    }

    /** One arm of a switch expression: an expression, or a block (with yields) ending in yield. */
    private String armOf(String head, Ty t, int depth, Ctx arm) {
        String pad = "    ".repeat(indent);
        if (r.nextBoolean()) {
            armNesting++;
            String e = expr(t, depth - 1, arm);
            armNesting--;
            return pad + head + " -> " + e + ";\n";
        }
        StringBuilder saved = new StringBuilder(out);
        out.setLength(0);
        int savedBudget = suspensionBudget;
        armNesting++;
        indent++;
        scopes.push(new ArrayList<>());
        line("Trace.e(\"arm " + (++counter) + "\");");
        body(arm, 1 + r.nextInt(2));
        budget(1);
        // "yield (x)" would parse as a call of a method named yield: go through a local.
        String result = "y" + (++counter);
        line(t.java + " " + result + " = " + expr(t, 1, arm) + ";");
        line("yield " + result + ";");
        scopes.pop();
        indent--;
        armNesting--;
        String blockText = out.toString();
        out.setLength(0);
        out.append(saved);
        suspensionBudget = savedBudget;
        return pad + head + " -> {\n" + blockText + pad + "}\n";
    }

    private String intExpr(int depth, Ctx ctx) {
        int k = r.nextInt(14);
        switch (k) {
            case 0:
            case 1:
            case 2:
                return "(" + expr(Ty.INT, depth - 1, ctx) + " " + pick("+", "-", "*", "&", "|", "^") + " "
                        + expr(Ty.INT, depth - 1, ctx) + ")";
            case 3:
                // Mostly a divisor that cannot be 0, sometimes one that can (ArithmeticException).
                return "(" + expr(Ty.INT, depth - 1, ctx) + " " + pick("/", "%") + " "
                        + (r.nextInt(4) == 0 ? expr(Ty.INT, depth - 1, ctx) : "(" + expr(Ty.INT, depth - 1, ctx) + " | 1)") + ")";
            case 4:
                return "(int) " + expr(pick(Ty.LONG, Ty.DOUBLE, Ty.FLOAT), depth - 1, ctx);
            case 5:
                return expr(pick(Ty.CHAR, Ty.BYTE, Ty.SHORT), depth - 1, ctx);
            case 6:
                return "(" + expr(Ty.BOOLEAN, depth - 1, ctx) + " ? " + expr(Ty.INT, depth - 1, ctx) + " : "
                        + expr(Ty.INT, depth - 1, ctx) + ")";
            case 7: {
                Var a = varOf(Ty.INTS);
                String arr = a != null ? a.name : expr(Ty.INTS, depth - 1, ctx);
                return r.nextInt(5) == 0 ? arr + "[" + expr(Ty.INT, depth - 1, ctx) + "]"
                        : "(" + arr + ")[Math.floorMod(" + expr(Ty.INT, depth - 1, ctx) + ", 2)]";
            }
            case 8:
                return expr(Ty.STRING, depth - 1, ctx) + ".length()";
            case 9:
                return "Math.max(" + expr(Ty.INT, depth - 1, ctx) + ", " + expr(Ty.INT, depth - 1, ctx) + ")";
            case 10: {
                Var b = varOf(Ty.BOX);
                return b != null ? b.name + ".x" : expr(Ty.BOX, depth - 1, ctx) + ".x";
            }
            case 11:
                if (ctx.instance) {
                    return r.nextBoolean() ? "acc" : "(acc += " + expr(Ty.INT, depth - 1, ctx) + ")";
                }
                return opCall(depth, ctx);
            case 12: {
                Var v = assignableVarOf(Ty.INT);
                if (v != null) {
                    return r.nextBoolean() ? "(" + v.name + pick("++", "--") + ")" : "(" + v.name + " = " + expr(Ty.INT, depth - 1, ctx) + ")";
                }
                return "(" + expr(Ty.INT, depth - 1, ctx) + " << 3)";
            }
            default:
                return "Integer.compare(" + expr(Ty.INT, depth - 1, ctx) + ", " + expr(Ty.INT, depth - 1, ctx) + ")";
        }
    }

    private String charArrayRead(int depth, Ctx ctx) {
        Var a = varOf(Ty.CHARS);
        String arr = a != null ? a.name : expr(Ty.CHARS, depth - 1, ctx);
        return "(" + arr + ")[Math.floorMod(" + expr(Ty.INT, depth - 1, ctx) + ", 2)]";
    }

    private String longExpr(int depth, Ctx ctx) {
        switch (r.nextInt(6)) {
            case 0:
            case 1:
                return "(" + expr(Ty.LONG, depth - 1, ctx) + " " + pick("+", "-", "*", "^", "/") + " "
                        + expr(pick(Ty.LONG, Ty.INT), depth - 1, ctx) + ")";
            case 2:
                return "(long) " + expr(pick(Ty.INT, Ty.DOUBLE, Ty.CHAR), depth - 1, ctx);
            case 3: {
                Var a = varOf(Ty.LONGS);
                String arr = a != null ? a.name : expr(Ty.LONGS, depth - 1, ctx);
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
        switch (r.nextInt(5)) {
            case 0:
            case 1:
                return "(" + expr(t, depth - 1, ctx) + " " + pick("+", "-", "*", "/") + " "
                        + expr(pick(t, Ty.INT, Ty.FLOAT), depth - 1, ctx) + ")";
            case 2:
                return "(" + t.java + ") " + expr(pick(Ty.INT, Ty.LONG, Ty.DOUBLE), depth - 1, ctx);
            case 3:
                if (t == Ty.DOUBLE) {
                    Var a = varOf(Ty.DOUBLES);
                    String arr = a != null ? a.name : expr(Ty.DOUBLES, depth - 1, ctx);
                    return "(" + arr + ")[Math.floorMod(" + expr(Ty.INT, depth - 1, ctx) + ", 2)][0]";
                }
                return "Math.abs(" + expr(t, depth - 1, ctx) + ")";
            default:
                return "(" + expr(Ty.BOOLEAN, depth - 1, ctx) + " ? " + expr(t, depth - 1, ctx) + " : "
                        + expr(t, depth - 1, ctx) + ")";
        }
    }

    private String boolExpr(int depth, Ctx ctx) {
        switch (r.nextInt(8)) {
            case 0:
            case 1: {
                Ty t = pick(Ty.INT, Ty.LONG, Ty.DOUBLE, Ty.CHAR, Ty.INT);
                return "(" + expr(t, depth - 1, ctx) + " " + pick("<", "<=", ">", ">=", "==", "!=") + " "
                        + expr(t, depth - 1, ctx) + ")";
            }
            case 2:
                return "(" + expr(Ty.BOOLEAN, depth - 1, ctx) + " " + pick("&&", "||", "^", "&") + " "
                        + expr(Ty.BOOLEAN, depth - 1, ctx) + ")";
            case 3:
                return "!" + expr(Ty.BOOLEAN, depth - 1, ctx);
            case 4:
                return "((Object) (" + expr(Ty.OBJECT, depth - 1, ctx) + ") " + pick("== null", "!= null", "instanceof String",
                        "instanceof Integer", "instanceof int[]") + ")";
            case 5:
                return "java.util.Objects.equals(" + expr(Ty.OBJECT, depth - 1, ctx) + ", " + expr(Ty.OBJECT, depth - 1, ctx) + ")";
            case 6:
                return "(" + expr(Ty.COLOR, depth - 1, ctx) + " == Color." + pick("RED", "GREEN", "BLUE") + ")";
            default:
                return expr(Ty.STRING, depth - 1, ctx) + ".isEmpty()";
        }
    }

    private String stringExpr(int depth, Ctx ctx) {
        switch (r.nextInt(7)) {
            case 0:
            case 1:
            case 2:
                return "(\"" + pick("a", "b", "t1", "") + "\" + " + expr(valueType(), depth - 1, ctx) + " + "
                        + expr(valueType(), depth - 1, ctx) + ")";
            case 3:
                return "String.valueOf(" + expr(anyScalar(), depth - 1, ctx) + ")";
            case 4:
                return "Trace.two(" + (r.nextBoolean() ? "(Object) null" : expr(Ty.OBJECT, depth - 1, ctx)) + ", "
                        + expr(anyType(), depth - 1, ctx) + ")";
            case 5: {
                Var b = varOf(Ty.BOX);
                return b != null ? b.name + ".s" : expr(Ty.COLOR, depth - 1, ctx) + ".name()";
            }
            default:
                return "(" + expr(Ty.BOOLEAN, depth - 1, ctx) + " ? " + expr(Ty.STRING, depth - 1, ctx) + " : "
                        + expr(Ty.STRING, depth - 1, ctx) + ")";
        }
    }

    private String leaf(Ty t, Ctx ctx) {
        if (r.nextInt(3) != 0) {
            Var v = varOf(t);
            if (v != null) {
                return v.name;
            }
        }
        return literal(t);
    }

    private String literal(Ty t) {
        switch (t) {
            case INT:
                return pickWeighted(String.valueOf(r.nextInt(21) - 5), "Integer.MAX_VALUE", "Integer.MIN_VALUE", "0");
            case LONG:
                return pickWeighted((r.nextInt(2001) - 1000) + "L", "Long.MIN_VALUE", "0x1_0000_0001L", "-1L");
            case FLOAT:
                return pickWeighted((r.nextInt(100) / 4.0f) + "f", "-0.0f", "Float.NaN", "1e30f");
            case DOUBLE:
                return pickWeighted(String.valueOf(r.nextInt(1000) / 8.0), "-0.0", "Double.NaN", "1e300");
            case BYTE:
                return "(byte) " + (r.nextInt(256) - 128);
            case SHORT:
                return "(short) " + (r.nextInt(65536) - 32768);
            case CHAR:
                return pickWeighted("'" + (char) ('a' + r.nextInt(26)) + "'", "'\\u00e9'", "'0'", "'z'");
            case BOOLEAN:
                return r.nextBoolean() ? "true" : "false";
            case STRING:
                return r.nextInt(20) == 0 ? "((String) null)" : "\"" + pick("a", "b", "t1", "", "xyz", "null") + "\"";
            case OBJECT:
                return r.nextInt(3) == 0 ? "((Object) null)" : literal(anyScalar());
            case BOX:
                return "new Box(" + literal(Ty.INT) + ", " + literal(Ty.STRING) + ")";
            case COLOR:
                return "Color." + pick("RED", "GREEN", "BLUE");
            case OP:
                return "new " + pick("OpA", "OpB") + "()";
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
    private String call(Method m, int depth, Ctx ctx) {
        StringBuilder sb = new StringBuilder();
        if (!m.isStatic && r.nextBoolean()) {
            sb.append("this.");
        }
        sb.append(m.name).append("(d - 1");
        for (Ty p : m.params) {
            sb.append(", ").append(expr(p, depth, ctx));
        }
        return sb.append(')').toString();
    }

    /** A method callable here returning t (any, if t is null), or null. */
    private Method callable(Ctx ctx, Ty t) {
        List<Method> ok = new ArrayList<>();
        for (Method m : methods) {
            if ((m.isStatic || ctx.instance) && (t == null || m.ret == t)) {
                ok.add(m);
            }
        }
        return ok.isEmpty() ? null : ok.get(r.nextInt(ok.size()));
    }

    // ---- scope -------------------------------------------------------------------------------

    private void declare(String name, Ty t, boolean assignable) {
        scopes.peek().add(new Var(name, t, assignable));
    }

    private List<Var> visible() {
        List<Var> all = new ArrayList<>();
        for (List<Var> s : scopes) {
            all.addAll(s);
        }
        return all;
    }

    private Var anyVar() {
        List<Var> all = visible();
        return all.isEmpty() ? null : all.get(r.nextInt(all.size()));
    }

    private Var varOf(Ty... types) {
        List<Var> ok = new ArrayList<>();
        for (Var v : visible()) {
            for (Ty t : types) {
                if (v.type == t) {
                    ok.add(v);
                }
            }
        }
        return ok.isEmpty() ? null : ok.get(r.nextInt(ok.size()));
    }

    private Var assignableVarOf(Ty t) {
        List<Var> ok = new ArrayList<>();
        for (Var v : visible()) {
            if (v.assignable && v.type == t) {
                ok.add(v);
            }
        }
        return ok.isEmpty() ? null : ok.get(r.nextInt(ok.size()));
    }

    private Var assignableVar() {
        List<Var> ok = new ArrayList<>();
        for (Var v : visible()) {
            if (v.assignable) {
                ok.add(v);
            }
        }
        return ok.isEmpty() ? null : ok.get(r.nextInt(ok.size()));
    }

    /** Traces up to n visible locals: what survived the suspensions before. */
    private void traceSome(int n) {
        List<Var> all = visible();
        java.util.Collections.shuffle(all, r);
        for (int i = 0; i < Math.min(n, all.size()); i++) {
            line("Trace.v(\"" + all.get(i).name + "\", " + all.get(i).name + ");");
        }
    }

    // ---- small helpers -----------------------------------------------------------------------

    private static boolean isNumeric(Ty t) {
        return t == Ty.INT || t == Ty.LONG || t == Ty.FLOAT || t == Ty.DOUBLE || t == Ty.BYTE
                || t == Ty.SHORT || t == Ty.CHAR;
    }

    private static boolean isArray(Ty t) {
        return t == Ty.INTS || t == Ty.LONGS || t == Ty.DOUBLES || t == Ty.STRINGS || t == Ty.CHARS;
    }

    /** The right operand type of a compound assignment to a variable of type t. */
    private Ty numericOperand(Ty t) {
        if (t == Ty.FLOAT || t == Ty.DOUBLE) {
            return pick(t, Ty.INT);
        }
        return t == Ty.LONG ? pick(Ty.LONG, Ty.INT) : Ty.INT;
    }

    private Ty anyType() {
        Ty t = LOCAL_TYPES[r.nextInt(LOCAL_TYPES.length)];
        return t == Ty.OP ? Ty.INT : t;
    }

    /** Any type but arrays and Op: values whose string form is deterministic (no identity hash). */
    private Ty valueType() {
        Ty t = anyType();
        return isArray(t) ? Ty.OBJECT : t;
    }

    /** A Trace.v call; the cast picks the overload (a poly expression could match two). */
    private static String traced(String name, Ty t, String expr) {
        return "Trace.v(\"" + name + "\", (" + t.java + ") (" + expr + "))";
    }

    /** An int expression as exactly int (a char or short one would not box to Integer). */
    private static String typed(Ty t, String expr) {
        return t == Ty.INT ? "(int) (" + expr + ")" : expr;
    }

    private Ty anyScalar() {
        return pick(Ty.INT, Ty.LONG, Ty.FLOAT, Ty.DOUBLE, Ty.BYTE, Ty.SHORT, Ty.CHAR, Ty.BOOLEAN, Ty.STRING);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[r.nextInt(options.length)];
    }

    /** The first option most of the time, one of the others sometimes. */
    private String pickWeighted(String usual, String... rare) {
        return r.nextInt(6) == 0 ? rare[r.nextInt(rare.length)] : usual;
    }

    private void line(String text) {
        if (!text.isEmpty()) {
            out.append("    ".repeat(indent)).append(text);
        }
        out.append('\n');
    }
}
