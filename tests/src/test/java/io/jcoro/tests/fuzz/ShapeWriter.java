package io.jcoro.tests.fuzz;

/** Writes the shapes of one {@link Shape.Group}: their statements, expressions and members. */
interface ShapeWriter {
    /**
     * Writes a statement of shape s here.
     *
     * @return false if s cannot be written in this context (nothing written)
     */
    boolean statement(Shape s, Ctx ctx);

    /** @return an expression of type t in one of the program's shapes of this group, or null */
    default String expression(Ty t, int depth, Ctx ctx) {
        return null;
    }

    /** Writes the members of the program class the statements use (the group is enabled). */
    default void members() {
    }

    /** Writes top-level classes after the program class (the group is enabled). */
    default void topLevel() {
    }
}
