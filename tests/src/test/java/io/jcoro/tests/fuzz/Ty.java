package io.jcoro.tests.fuzz;

/** The value types of the generated programs: their Java names and boxes. */
enum Ty {
    INT("int", "Integer"), LONG("long", "Long"), FLOAT("float", "Float"), DOUBLE("double", "Double"),
    BYTE("byte", "Byte"), SHORT("short", "Short"), CHAR("char", "Character"),
    BOOLEAN("boolean", "Boolean"), STRING("String", "String"), OBJECT("Object", "Object"),
    BOX("Box", "Box"), COLOR("Color", "Color"), OP("Op", "Op"), INTS("int[]", "int[]"),
    LONGS("long[]", "long[]"), DOUBLES("double[][]", "double[][]"), STRINGS("String[]", "String[]"),
    CHARS("char[]", "char[]");

    /** Types a local may have. */
    static final Ty[] LOCAL_TYPES = values();
    /** Types a method may return (null: void). */
    static final Ty[] RETURN_TYPES = {null, null, INT, INT, LONG, DOUBLE, FLOAT, STRING, STRING, BOOLEAN,
        OBJECT, INTS, BOX, CHAR, BYTE, SHORT};
    /** Types a method's parameter may have. */
    static final Ty[] PARAM_TYPES = {INT, INT, LONG, DOUBLE, FLOAT, STRING, BOOLEAN, OBJECT, INTS, BOX, CHAR,
        BYTE, SHORT, COLOR, LONGS};

    final String java;
    final String boxed;

    Ty(String java, String boxed) {
        this.java = java;
        this.boxed = boxed;
    }

    boolean isNumeric() {
        return this == INT || this == LONG || this == FLOAT || this == DOUBLE || this == BYTE || this == SHORT
                || this == CHAR;
    }

    boolean isArray() {
        return this == INTS || this == LONGS || this == DOUBLES || this == STRINGS || this == CHARS;
    }
}
