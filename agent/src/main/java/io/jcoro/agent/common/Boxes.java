package io.jcoro.agent.common;

import org.objectweb.asm.Type;

/**
 * The JDK's boxes of primitive values. Two stages ask about them: identify (a method reference
 * whose adapter unboxes a result is refused unless the target returns a box) and generate (a
 * suspending method that returns a box returns a boxed zero as its placeholder, never null).
 */
public final class Boxes {
    private Boxes() {
    }

    /** @return the primitive type the box {@code internalName} holds, or null if it is no box */
    public static Type unboxed(String internalName) {
        switch (internalName) {
            case "java/lang/Integer":
                return Type.INT_TYPE;
            case "java/lang/Long":
                return Type.LONG_TYPE;
            case "java/lang/Short":
                return Type.SHORT_TYPE;
            case "java/lang/Byte":
                return Type.BYTE_TYPE;
            case "java/lang/Character":
                return Type.CHAR_TYPE;
            case "java/lang/Boolean":
                return Type.BOOLEAN_TYPE;
            case "java/lang/Float":
                return Type.FLOAT_TYPE;
            case "java/lang/Double":
                return Type.DOUBLE_TYPE;
            default:
                return null;
        }
    }
}
