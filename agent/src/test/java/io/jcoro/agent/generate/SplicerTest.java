package io.jcoro.agent.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.agent.analyse.MethodAnalyzer;
import io.jcoro.agent.analyse.MethodPlan;
import io.jcoro.agent.fixtures.Stages;
import io.jcoro.agent.identify.CoroutineMethod;
import io.jcoro.agent.pipeline.PassTesting;
import io.jcoro.agent.prepare.Preparation;
import io.jcoro.agent.prepare.PreparedMethod;
import io.jcoro.agent.verify.FrameComputer;
import io.jcoro.agent.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/** Generate and splice: generators build lists, the splicer alone puts them in the method. */
class SplicerTest {
    private static InsnList code(int... opcodes) {
        InsnList list = new InsnList();
        for (int op : opcodes) {
            list.add(new InsnNode(op));
        }
        return list;
    }

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
    void positionsNameTheInstructionsAsTheyWereBeforeAnyEdit() {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "()I", null, null);
        m.instructions = code(Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.IADD, Opcodes.IRETURN);
        m.maxStack = 2;
        Splice splice = new Splice()
                .atStart(code(Opcodes.NOP))
                .before(1, code(Opcodes.ICONST_2, Opcodes.IADD))
                .instead(2, code(Opcodes.ISUB))
                .after(0, code(Opcodes.ICONST_3, Opcodes.IADD))
                .atEnd(code(Opcodes.NOP))
                .growStack(1);
        Splicer.apply(m, splice);
        assertEquals(List.of(Opcodes.NOP, Opcodes.ICONST_0, Opcodes.ICONST_3, Opcodes.IADD, Opcodes.ICONST_2,
                Opcodes.IADD, Opcodes.ICONST_1, Opcodes.ISUB, Opcodes.IRETURN, Opcodes.NOP), opcodes(m));
        assertEquals(3, m.maxStack);
    }

    @Test
    void aGeneratedCoroutineVerifiesAndItsHandlersGoThroughGuards() throws Exception {
        PassTesting t = new PassTesting(Stages.class);
        CoroutineMethod c = t.identified("guarded");
        PreparedMethod prepared = Preparation.prepare(t.owner(), c.method(), c.sites());
        MethodPlan plan = MethodAnalyzer.analyse(t.owner(), prepared, c.acceptedIds(), t.repository());
        List<LabelNode> handlers = new ArrayList<>();
        prepared.method().tryCatchBlocks.forEach(b -> handlers.add(b.handler));
        int before = prepared.method().instructions.size();

        Splice splice = MethodGenerator.generate(t.owner(), plan, handlers);
        assertEquals(before, prepared.method().instructions.size(), "generation leaves the method to the splicer");
        Splicer.apply(prepared.method(), splice);

        for (TryCatchBlockNode block : prepared.method().tryCatchBlocks) {
            assertNotEquals(handlers.get(0), block.handler);
            MethodInsnNode recover = (MethodInsnNode) block.handler.getNext().getNext();
            assertEquals("recover", recover.name, "the handler's guard asks the continuation first");
        }
        boolean labelled = false;
        for (AbstractInsnNode insn : prepared.method().instructions) {
            labelled |= insn instanceof LdcInsnNode ldc && ldc.cst instanceof ConstantDynamic label
                    && label.getBootstrapMethod().getName().equals("frameLabel")
                    && label.getBootstrapMethodArgument(0).equals("1 0 41 io.jcoro.agent.fixtures.Stages/guarded/Stages.java");
        }
        assertTrue(labelled, "the capture's frame label, numbered by a dynamic constant: 1 primitive (the index),"
                + " no reference, line 41");
        assertNull(Verifier.check(t.owner().name, FrameComputer.compute(t.owner(), prepared.method(), t.repository())));
    }
}
