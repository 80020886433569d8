package io.jcoro.agent.verify;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A method's code as text, one instruction a line with its index, for a report of code that
 * does not verify (the agent's jar has no {@code asm-util} printer). Labels are numbered in order.
 */
public final class CodeDump {
    /** Opcode mnemonics, from {@link Opcodes}' constants (the other int constants there are prefixed). */
    private static final String[] MNEMONICS = mnemonics();

    private CodeDump() {
    }

    private static String[] mnemonics() {
        String[] names = new String[256];
        for (Field f : Opcodes.class.getFields()) {
            String n = f.getName();
            if (f.getType() != int.class || !Modifier.isStatic(f.getModifiers()) || n.startsWith("ACC_")
                    || n.startsWith("ASM") || n.startsWith("V") || n.startsWith("H_") || n.startsWith("T_")
                    || n.startsWith("F_") || n.startsWith("SOURCE_")) {
                continue;
            }
            try {
                int value = f.getInt(null);
                if (value >= 0 && value < names.length && names[value] == null) {
                    names[value] = n;
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    /**
     * @param opcode an opcode
     * @return its mnemonic, such as {@code ALOAD}
     */
    public static String mnemonic(int opcode) {
        String name = opcode >= 0 && opcode < MNEMONICS.length ? MNEMONICS[opcode] : null;
        return name != null ? name : "OPCODE_" + opcode;
    }

    /**
     * @param method a method
     * @param marked the index of the instruction to point at, or -1
     * @return its code, the marked instruction flagged {@code >>}, then its exception table
     */
    public static String of(MethodNode method, int marked) {
        Map<LabelNode, String> labels = new HashMap<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LabelNode label) {
                labels.put(label, "L" + labels.size());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(method.name).append(method.desc).append(" maxStack=").append(method.maxStack)
                .append(" maxLocals=").append(method.maxLocals).append('\n');
        int index = 0;
        for (AbstractInsnNode insn : method.instructions) {
            out.append(index == marked ? ">>" : "  ").append(String.format("%5d  ", index));
            out.append(describe(insn, labels)).append('\n');
            index++;
        }
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            out.append("  try ").append(labels.get(block.start)).append(' ').append(labels.get(block.end))
                    .append(" catch ").append(block.type == null ? "any" : block.type).append(" -> ")
                    .append(labels.get(block.handler)).append('\n');
        }
        return out.toString();
    }

    /**
     * @param insn an instruction of a method
     * @param labels the method's labels and their names
     * @return one line for it
     */
    static String describe(AbstractInsnNode insn, Map<LabelNode, String> labels) {
        if (insn instanceof LabelNode label) {
            return labels.get(label) + ":";
        }
        if (insn instanceof LineNumberNode line) {
            return "LINE " + line.line;
        }
        if (insn instanceof FrameNode frame) {
            return "FRAME " + frame.type + " locals=" + frame.local + " stack=" + frame.stack;
        }
        String op = mnemonic(insn.getOpcode());
        if (insn instanceof VarInsnNode v) {
            return op + " " + v.var;
        }
        if (insn instanceof IntInsnNode i) {
            return op + " " + i.operand;
        }
        if (insn instanceof IincInsnNode i) {
            return op + " " + i.var + " " + i.incr;
        }
        if (insn instanceof TypeInsnNode t) {
            return op + " " + t.desc;
        }
        if (insn instanceof FieldInsnNode f) {
            return op + " " + f.owner + "." + f.name + " " + f.desc;
        }
        if (insn instanceof MethodInsnNode m) {
            return op + " " + m.owner + "." + m.name + m.desc;
        }
        if (insn instanceof JumpInsnNode j) {
            return op + " " + labels.get(j.label);
        }
        if (insn instanceof LdcInsnNode l) {
            return op + " " + (l.cst instanceof String s ? '"' + s + '"' : String.valueOf(l.cst));
        }
        if (insn instanceof TableSwitchInsnNode t) {
            return op + " " + t.min + ".." + t.max + " " + names(t.labels.toArray(new LabelNode[0]), labels)
                    + " default " + labels.get(t.dflt);
        }
        if (insn instanceof LookupSwitchInsnNode l) {
            return op + " " + l.keys + " " + names(l.labels.toArray(new LabelNode[0]), labels)
                    + " default " + labels.get(l.dflt);
        }
        return op;
    }

    private static String names(LabelNode[] targets, Map<LabelNode, String> labels) {
        return Arrays.toString(Arrays.stream(targets).map(labels::get).toArray());
    }
}
