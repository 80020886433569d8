package io.jcoro.tests.fuzz;

/**
 * Python's generator protocol at its edges (issue 10, item 7): a {@code NoSuchElementException}
 * or {@code StopIteration} raised in a body, by a {@code throw} or by a nested iterator's
 * {@code next()} (PEP 479; see {@link Pep479}), and {@code Co.yieldFrom} over an iterator that is
 * {@code AutoCloseable} and prints when closed (PEP 380's close forwarding; see {@link Closing}).
 */
final class ProtocolShapes implements ShapeWriter {
    private final Grammar g;
    private final GrammarState s;

    ProtocolShapes(Grammar g) {
        this.g = g;
        this.s = g.state;
    }

    @Override
    public boolean statement(Shape shape, Ctx ctx) {
        Expressions e = g.expressions;
        if (shape == Shape.CLOSING_DELEGATION) {
            s.budget(1);
            s.line("Co.yieldFrom(new Closing(\"" + s.fresh("c") + "\", " + e.expr(s.valueType(), 1, ctx) + ", "
                    + e.expr(s.valueType(), 1, ctx) + ", " + e.expr(s.valueType(), 1, ctx) + "));");
            return true;
        }
        s.line("if (" + e.expr(Ty.BOOLEAN, 2, ctx) + ") {");
        s.indent++;
        switch (s.r.nextInt(3)) {
            case 0:
                s.line("throw new java.util.NoSuchElementException(\"nse " + s.next() + " \" + " + e.expr(s.valueType(), 1, ctx) + ");");
                break;
            case 1:
                s.line("Trace.v(\"" + s.fresh("it") + "\", java.util.Collections.emptyIterator().next());");
                break;
            default:
                s.line("throw new io.jcoro.core.StopIteration(\"si " + s.next() + "\", " + e.expr(s.valueType(), 1, ctx) + ");");
                break;
        }
        s.indent--;
        s.line("}");
        return true;
    }
}
