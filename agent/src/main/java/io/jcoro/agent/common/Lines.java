package io.jcoro.agent.common;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/** Source positions for messages: the line an instruction belongs to. */
public final class Lines {
    private Lines() {
    }

    /**
     * @param insn an instruction of a method
     * @return the source line it was compiled from, or -1 without line information
     */
    public static int lineOf(AbstractInsnNode insn) {
        for (AbstractInsnNode n = insn; n != null; n = n.getPrevious()) {
            if (n instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return -1;
    }

    /**
     * @param method a method
     * @return its first source line, or -1 without line information
     */
    public static int firstLine(MethodNode method) {
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return -1;
    }

    /**
     * "pkg.Cls.method(Cls.java:12)": the form of a stack trace element, so IDEs link it.
     *
     * @param owner the class
     * @param method a method of it
     * @param line source line, or -1
     * @return the description
     */
    public static String describe(ClassNode owner, MethodNode method, int line) {
        String source = owner.sourceFile;
        String where = source == null ? "Unknown Source" : line < 0 ? source : source + ":" + line;
        return owner.name.replace('/', '.') + "." + method.name + "(" + where + ")";
    }
}
