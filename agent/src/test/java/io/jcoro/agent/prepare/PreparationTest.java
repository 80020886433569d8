package io.jcoro.agent.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.agent.fixtures.Stages;
import io.jcoro.agent.identify.CoroutineMethod;
import io.jcoro.agent.identify.PointKind;
import io.jcoro.agent.pipeline.PassTesting;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Prepare: the only rewrite before analysis, and the positions it fixes for the points. */
class PreparationTest {
    private static List<Integer> opcodes(MethodNode m) {
        List<Integer> ops = new ArrayList<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn.getOpcode() >= 0) {
                ops.add(insn.getOpcode());
            }
        }
        return ops;
    }

    @Test
    void anObjectUnderConstructionAcrossASuspensionIsCreatedAfterIt() throws Exception {
        PassTesting t = new PassTesting(Stages.class);
        CoroutineMethod c = t.identified("construct");
        PreparedMethod prepared = Preparation.prepare(t.owner(), c.method(), c.sites());
        // NEW Box; POP (Box initialised where the source says); "a"; yield; STORE t; NEW Box; DUP; LOAD t; <init>
        assertEquals(List.of(Opcodes.NEW, Opcodes.POP, Opcodes.LDC, Opcodes.INVOKESTATIC, Opcodes.ASTORE,
                Opcodes.NEW, Opcodes.DUP, Opcodes.ALOAD, Opcodes.INVOKESPECIAL, Opcodes.ARETURN), opcodes(prepared.method()));
        PreparedMethod.Anchor anchor = prepared.anchors().get(0);
        assertEquals(PointKind.YIELD, anchor.kind());
        MethodInsnNode at = (MethodInsnNode) prepared.method().instructions.get(anchor.index());
        assertEquals("yield", at.name, "the anchor names the point's instruction after the rewrite");
    }

    @Test
    void aMethodWithoutConstructionsIsLeftAsItIs() throws Exception {
        PassTesting t = new PassTesting(Stages.class);
        CoroutineMethod c = t.identified("sum");
        List<Integer> before = opcodes(c.method());
        PreparedMethod prepared = Preparation.prepare(t.owner(), c.method(), c.sites());
        assertEquals(before, opcodes(prepared.method()));
        assertEquals(c.method().instructions.indexOf(c.sites().get(0).insn()), prepared.anchors().get(0).index());
    }
}
