package io.jcoro.tests.fuzz;

/**
 * {@code IntGenerator.yield}, {@code LongGenerator.yield} and {@code DoubleGenerator.yield}
 * (issue 13): intrinsics like {@code Co.yield}, each with its own runtime call and argument
 * width, written wherever an int expression may suspend, so that what is live across them (the
 * operand stack beneath, a long or double argument above it, the locals) is checked as a
 * {@code Co.yield}'s is. The program's driver is a plain generator, which hands out the kind
 * ({@code PrimitiveYield}) and not the value, so the argument is traced before it is yielded.
 */
final class PrimitiveYields implements ShapeWriter {
    private final Grammar g;
    private final GrammarState s;

    PrimitiveYields(Grammar g) {
        this.g = g;
        this.s = g.state;
    }

    /** @return {@code Trace.i(XGenerator.yield(Trace.pass(name, value)))}, X the shape's kind */
    private String yieldOf(Shape shape, Ctx ctx) {
        s.use(shape);
        switch (shape) {
            case YIELD_INT:
                return "Trace.i(IntGenerator.yield(" + traced(Ty.INT, ctx) + "))";
            case YIELD_LONG:
                return "Trace.i(LongGenerator.yield(" + traced(Ty.LONG, ctx) + "))";
            default:
                return "Trace.i(DoubleGenerator.yield(" + traced(Ty.DOUBLE, ctx) + "))";
        }
    }

    private String traced(Ty t, Ctx ctx) {
        return "Trace.pass(\"" + s.fresh("y") + "\", " + g.expressions.expr(t, 1, ctx) + ")";
    }

    @Override
    public boolean statement(Shape shape, Ctx ctx) {
        s.line(yieldOf(shape, ctx) + ";");
        return true;
    }

    @Override
    public String expression(Ty t, int depth, Ctx ctx) {
        Shape shape = s.pick(Shape.YIELD_INT, Shape.YIELD_LONG, Shape.YIELD_DOUBLE);
        return t == Ty.INT && s.has(shape) ? yieldOf(shape, ctx) : null;
    }
}
