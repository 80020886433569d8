package io.jcoro.tests.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a random, valid, terminating Java program of coroutines from a seed: several static
 * and instance coroutine methods calling each other (recursion included: every method takes a
 * depth {@code d} and the class a call budget {@code fuel}, so it ends), an interface coroutine
 * with two implementations, coroutine lambdas; loops with labelled break and continue; every
 * switch form (old with fall-through, arrow, switch expressions with yields in their arms, on
 * ints, chars, strings and enums); try/catch/finally and try-with-resources, nested, with
 * throws before, at and after suspensions; locals and operand-stack values of every type
 * (all primitives, arrays, references, null) live across suspending calls,
 * {@code new Box(suspendingCall())}; values yielded out, sent in and returned. Some programs
 * also have the shapes of {@link Shape} (method references, two packages, JDK merges, deep
 * recursion, nested private coroutines under {@code --release 8}, static initializers,
 * StopIteration, closing delegation).
 *
 * <p>Every value the program computes flows into {@link Trace} calls or into what it yields
 * and returns, so a value the instrumentation loses or corrupts shows in the transcript.
 *
 * <p>This class writes the program's structure; the grammar's parts are in {@link Expressions},
 * {@link Statements}, {@link CompoundStatements}, {@link Switches} and the {@link ShapeWriter}s.
 */
public final class ProgramGenerator {
    private final GrammarState s;
    private final Grammar g;
    private final MethodReferences refs;

    private ProgramGenerator(Random r, String className, Set<Shape> enabled) {
        this.s = new GrammarState(r, className, enabled, enabled.contains(Shape.ACCESSOR_RELEASE8));
        this.g = new Grammar(s);
        this.refs = (MethodReferences) g.shapeWriters.get(Shape.Group.METHOD_REFS);
    }

    /**
     * @param seed the seed
     * @param className the class's simple name
     * @return the program, with the shapes {@code jcoro.fuzz.shapes} allows (see {@link Shape})
     */
    public static Program generate(long seed, String className) {
        String spec = System.getProperty("jcoro.fuzz.shapes", "all");
        return generate(seed, className, Shape.allowed(), !spec.equals("all"));
    }

    /**
     * @param seed the seed
     * @param className the class's simple name
     * @param allowed the shapes the program may have
     * @param always give the program every allowed shape's group (else each group by its chance)
     * @return the program
     */
    static Program generate(long seed, String className, Set<Shape> allowed, boolean always) {
        Random r = new Random(new SplittableRandom(seed).nextLong());
        ProgramGenerator pg = new ProgramGenerator(r, className, shapes(r, allowed, always));
        String body = pg.program();
        GrammarState s = pg.s;
        if (s.has(Shape.STOP_ITERATION_THROWN_IN)) {
            s.use(Shape.STOP_ITERATION_THROWN_IN);
        }
        boolean twoPackages = s.has(Shape.XPKG_LOCAL) || s.has(Shape.XPKG_STACK);
        return new Program(seed, className, body, twoPackages ? pg.g.crossPackage.source() : null,
                s.release8 ? 8 : 0, Collections.unmodifiableSet(EnumSet.copyOf(with(s.used))));
    }

    private static Set<Shape> with(Set<Shape> used) {
        return used.isEmpty() ? EnumSet.noneOf(Shape.class) : used;
    }

    /** The shapes of one program: each group by its chance, a few of its allowed shapes. */
    private static Set<Shape> shapes(Random r, Set<Shape> allowed, boolean always) {
        Set<Shape> chosen = EnumSet.noneOf(Shape.class);
        for (Shape.Group group : Shape.Group.values()) {
            List<Shape> candidates = new ArrayList<>();
            for (Shape s : allowed) {
                if (s.group == group) {
                    candidates.add(s);
                }
            }
            if (candidates.isEmpty() || !(always || r.nextInt(group.oneIn) == 0)) {
                continue;
            }
            Collections.shuffle(candidates, r);
            int n = group == Shape.Group.NESTED_PRIVATE ? 1 : 1 + r.nextInt(Math.min(3, candidates.size()));
            chosen.addAll(candidates.subList(0, n));
        }
        return chosen;
    }

    // ---- program structure ------------------------------------------------------------------

    private String program() {
        int count = 1 + s.r.nextInt(3);
        for (int i = 0; i < count; i++) {
            Ty ret = Ty.RETURN_TYPES[s.r.nextInt(Ty.RETURN_TYPES.length)];
            List<Ty> params = new ArrayList<>();
            int n = s.r.nextInt(4);
            for (int k = 0; k < n; k++) {
                params.add(Ty.PARAM_TYPES[s.r.nextInt(Ty.PARAM_TYPES.length)]);
            }
            s.methods.add(new GrammarState.Method("m" + i, ret, List.copyOf(params), s.r.nextBoolean()));
        }
        String base = refs.needsBase() ? " extends " + s.className + "_Base" : "";
        s.line("");
        s.line("public final class " + s.className + base + " implements CoSupplier<Object> {");
        s.indent++;
        s.line("static int fuel = " + (8 + s.r.nextInt(40)) + ";");
        s.line("int acc = " + s.r.nextInt(10) + ";");
        s.line("String tag = \"t" + s.r.nextInt(10) + "\";");
        s.line("");
        s.line("interface Op {");
        s.line("    @Coroutine");
        s.line("    int apply(int d, int x);");
        s.line("}");
        opClass("OpA");
        opClass("OpB");
        callMethod();
        getMethod();
        for (GrammarState.Method m : s.methods) {
            method(m);
        }
        for (ShapeWriter w : g.enabledWriters()) {
            w.members();
        }
        for (String member : s.extraMembers) {
            for (String l : member.split("\n", -1)) {
                s.line(l);
            }
        }
        s.indent--;
        s.line("}");
        for (ShapeWriter w : g.enabledWriters()) {
            w.topLevel();
        }
        return s.takeText().toString();
    }

    /**
     * CoSupplier.get declares Exception; the lambdas throw none, so a coroutine of its own calls
     * them and passes on what they throw (the same source compiles in both variants).
     */
    private void callMethod() {
        s.line("");
        s.line("@Coroutine");
        s.line("static <R> R call(CoSupplier<R> s) {");
        s.line("    try {");
        s.line("        return s.get();");
        s.line("    } catch (Exception e) {");
        s.line("        throw (RuntimeException) e;");
        s.line("    }");
        s.line("}");
    }

    /** The body's entry point: statements, each of the program's shapes once among them. */
    private void getMethod() {
        s.line("");
        s.line("@Override");
        s.line("public Object get() {");
        s.indent++;
        s.locals.push();
        s.line("int d = " + (2 + s.r.nextInt(3)) + ";");
        s.locals.declare("d", Ty.INT, false);
        Ctx ctx = new Ctx(Ty.OBJECT, false, true, true, false, List.of(), false, false, 0);
        List<Shape> pending = new ArrayList<>(s.enabled);
        Collections.shuffle(pending, s.r);
        int statements = 2 + s.r.nextInt(4);
        for (int i = 0; i < statements; i++) {
            g.statements.statement(ctx);
            if (!pending.isEmpty() && s.r.nextBoolean()) {
                g.shapeStatement(pending.remove(0), ctx);
            }
        }
        for (Shape shape : pending) {
            g.shapeStatement(shape, ctx);
        }
        s.traceSome(3);
        s.budget(3);
        s.line("return " + g.expressions.expr(s.anyType(), 2, ctx) + ";");
        s.locals.pop();
        s.indent--;
        s.line("}");
    }

    private void opClass(String name) {
        s.line("");
        s.line("static final class " + name + " implements Op {");
        s.indent++;
        s.line("int calls;");
        s.line("");
        s.line("@Override");
        s.line("public int apply(int d, int x) {");
        s.indent++;
        s.locals.push();
        s.locals.declare("d", Ty.INT, false);
        s.locals.declare("x", Ty.INT, true);
        s.line("if (d <= 0 || --fuel < 0) {");
        s.line("    return x + " + s.r.nextInt(5) + ";");
        s.line("}");
        s.line("calls++;");
        s.line("Trace.e(\"" + name + ".apply \" + d + \" \" + x + \" \" + calls);");
        Ctx ctx = new Ctx(Ty.INT, false, true, false, true, List.of(), false, false, 1);
        g.statements.body(ctx, 1 + s.r.nextInt(3));
        s.budget(2);
        s.line("return " + g.expressions.expr(Ty.INT, 2, ctx) + ";");
        s.locals.pop();
        s.indent--;
        s.line("}");
        s.indent--;
        s.line("}");
    }

    private void method(GrammarState.Method m) {
        s.line("");
        s.line("@Coroutine");
        StringBuilder sig = new StringBuilder(m.isStatic() ? "static " : "")
                .append(m.ret() == null ? "void" : m.ret().java).append(' ').append(m.name()).append("(int d");
        s.locals.push();
        s.locals.declare("d", Ty.INT, false);
        for (int i = 0; i < m.params().size(); i++) {
            String p = "p" + i;
            sig.append(", ").append(m.params().get(i).java).append(' ').append(p);
            s.locals.declare(p, m.params().get(i), true);
        }
        s.line(sig.append(") {").toString());
        s.indent++;
        s.line("if (d <= 0 || --fuel < 0) {");
        s.indent++;
        s.line("Trace.e(\"leaf " + m.name() + "\");");
        s.line(m.ret() == null ? "return;" : "return " + g.expressions.literal(m.ret()) + ";");
        s.indent--;
        s.line("}");
        StringBuilder enter = new StringBuilder("Trace.e(\"" + m.name() + " \" + d");
        for (int i = 0; i < m.params().size(); i++) {
            if (!m.params().get(i).isArray()) {
                enter.append(" + \" \" + p").append(i);
            }
        }
        s.line(enter.append(");").toString());
        Ctx ctx = new Ctx(m.ret(), m.ret() == null, true, !m.isStatic(), false, List.of(), false, false, 0);
        int locals = s.r.nextInt(4);
        for (int i = 0; i < locals; i++) {
            g.statements.declaration(ctx);
        }
        g.statements.body(ctx, 2 + s.r.nextInt(3));
        s.traceSome(2);
        if (m.ret() != null) {
            s.budget(2);
            s.line("return " + g.expressions.expr(m.ret(), 2, ctx) + ";");
        }
        s.locals.pop();
        s.indent--;
        s.line("}");
    }
}
