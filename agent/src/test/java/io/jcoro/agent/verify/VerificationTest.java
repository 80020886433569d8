package io.jcoro.agent.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The verification step on its own, and the dump it reports with. */
class VerificationTest {
    /** {@code static int m(String s) { <body> }} */
    private static MethodNode method(InsnList body) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "(Ljava/lang/String;)I", null, null);
        m.instructions = body;
        m.maxStack = 2;
        m.maxLocals = 1;
        return m;
    }

    @Test
    void aValueOfTheWrongKindIsFoundAtItsInstruction() {
        InsnList body = new InsnList();
        body.add(new InsnNode(Opcodes.ICONST_1));
        body.add(new VarInsnNode(Opcodes.ILOAD, 0)); // a String read as an int
        body.add(new InsnNode(Opcodes.IADD));
        body.add(new InsnNode(Opcodes.IRETURN));
        Verifier.Failure failure = Verifier.check("gen/C", method(body));
        assertNotNull(failure);
        assertEquals(1, failure.index());
    }

    @Test
    void correctCodeVerifies() {
        InsnList body = new InsnList();
        body.add(new InsnNode(Opcodes.ICONST_1));
        body.add(new InsnNode(Opcodes.IRETURN));
        assertNull(Verifier.check("gen/C", method(body)));
    }

    @Test
    void theDumpMarksTheOffendingInstruction() {
        InsnList body = new InsnList();
        body.add(new InsnNode(Opcodes.ICONST_1));
        body.add(new VarInsnNode(Opcodes.ILOAD, 0));
        String dump = CodeDump.of(method(body), 1);
        assertEquals("m(Ljava/lang/String;)I maxStack=2 maxLocals=1\n"
                + "      0  ICONST_1\n"
                + ">>    1  ILOAD 0\n", dump);
        assertEquals("ALOAD", CodeDump.mnemonic(Opcodes.ALOAD));
        assertEquals("INVOKEDYNAMIC", CodeDump.mnemonic(Opcodes.INVOKEDYNAMIC));
    }
}
