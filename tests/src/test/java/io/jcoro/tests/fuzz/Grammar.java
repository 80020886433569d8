package io.jcoro.tests.fuzz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the grammar for one program, wired to each other and sharing one
 * {@link GrammarState}: expressions, statements, switches, and a writer per shape group.
 */
final class Grammar {
    final GrammarState state;
    final Expressions expressions;
    final Statements statements;
    final CompoundStatements compound;
    final Switches switches;
    final Map<Shape.Group, ShapeWriter> shapeWriters = new EnumMap<>(Shape.Group.class);
    final CrossPackage crossPackage;

    Grammar(GrammarState state) {
        this.state = state;
        this.expressions = new Expressions(this);
        this.statements = new Statements(this);
        this.compound = new CompoundStatements(this);
        this.switches = new Switches(this);
        this.crossPackage = new CrossPackage(this);
        shapeWriters.put(Shape.Group.METHOD_REFS, new MethodReferences(this));
        shapeWriters.put(Shape.Group.TWO_PACKAGES, crossPackage);
        shapeWriters.put(Shape.Group.JDK_MERGES, new JdkMerges(this));
        shapeWriters.put(Shape.Group.DEEP, new DeepRecursion(this));
        shapeWriters.put(Shape.Group.NESTED_PRIVATE, new NestedAccessors(this));
        shapeWriters.put(Shape.Group.STATIC_INIT, new StaticInits(this));
        ProtocolShapes protocol = new ProtocolShapes(this);
        shapeWriters.put(Shape.Group.STOP_ITERATION, protocol);
        shapeWriters.put(Shape.Group.DELEGATION, protocol);
        shapeWriters.put(Shape.Group.PRIMITIVE_YIELDS, new PrimitiveYields(this));
    }

    /** @return the writers of the program's shape groups, each once */
    List<ShapeWriter> enabledWriters() {
        List<ShapeWriter> writers = new ArrayList<>();
        for (Shape s : state.enabled) {
            ShapeWriter w = shapeWriters.get(s.group);
            if (!writers.contains(w)) {
                writers.add(w);
            }
        }
        return writers;
    }

    /**
     * Writes a statement of a shape the program has, at random.
     *
     * @return false if none fits here
     */
    boolean shapeStatement(Ctx ctx) {
        List<Shape> shapes = new ArrayList<>(state.enabled);
        Shape s = shapes.get(state.r.nextInt(shapes.size()));
        return shapeStatement(s, ctx);
    }

    /** Writes a statement of shape s; false if it cannot be written here. */
    boolean shapeStatement(Shape s, Ctx ctx) {
        if (s == Shape.STOP_ITERATION_THROWN_IN) {
            return false; // the driver script's part
        }
        boolean written = shapeWriters.get(s.group).statement(s, ctx);
        if (written) {
            state.use(s);
        }
        return written;
    }

    /** @return a suspending expression of type t in one of the program's shapes, or null */
    String shapeExpression(Ty t, int depth, Ctx ctx) {
        if (state.enabled.isEmpty() || state.r.nextBoolean()) {
            return null;
        }
        List<ShapeWriter> writers = enabledWriters();
        return writers.get(state.r.nextInt(writers.size())).expression(t, depth, ctx);
    }
}
