package io.jcoro.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.agent.AgentLog;
import io.jcoro.agent.fixtures.Stages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/** Frames and verification: a method whose code does not verify is refused, reported and dumped. */
class FramesPassTest {
    /** Breaks {@code plain(int x)}: its first instructions read x as a reference. */
    private static void breakPlain(PassTesting t) {
        MethodNode plain = t.method("plain");
        InsnList wrong = new InsnList();
        wrong.add(new VarInsnNode(Opcodes.ALOAD, 0));
        wrong.add(new InsnNode(Opcodes.POP));
        plain.instructions.insert(plain.instructions.getFirst().getNext(), wrong); // after the line's label
        t.state.changed.add(plain);
    }

    @Test
    void aMethodThatDoesNotVerifyIsRefusedWithItsLineAndItsCodeDumped(@TempDir Path dump) throws Exception {
        PassTesting t = new PassTesting(Stages.class, AgentLog.Level.ERRORS, dump);
        breakPlain(t);
        FramesPass.run(t.state);
        Path file = dump.resolve("io/jcoro/agent/fixtures/Stages.plain.verify.txt");
        String log = t.log();
        assertTrue(log.startsWith("[jcoro] jcoro cannot instrument io.jcoro.agent.fixtures.Stages.plain(Stages.java:53):"
                + " the instrumented code does not verify: "), log);
        assertTrue(log.contains("its code is in " + file), log);
        String code = Files.readString(file);
        assertTrue(code.startsWith("offending instruction 2: ALOAD\n"), code);
        assertTrue(code.contains(">>    2  ALOAD 0\n"), code);
        MethodNode replaced = t.state.replacements.get("plain(I)I");
        assertEquals(Opcodes.NEW, replaced.instructions.getFirst().getOpcode() < 0
                ? replaced.instructions.getFirst().getNext().getOpcode() : replaced.instructions.getFirst().getOpcode(),
                "the body now throws the refusal");
    }

    @Test
    void withoutADumpDirectoryTheCodeGoesToTheVerboseLog() throws Exception {
        PassTesting t = new PassTesting(Stages.class, AgentLog.Level.VERBOSE, null);
        breakPlain(t);
        FramesPass.run(t.state);
        String log = t.log();
        assertTrue(log.contains("log=verbose or dump=DIR shows its code"), log);
        assertTrue(log.contains("[jcoro] code of io.jcoro.agent.fixtures.Stages.plain(I)I (offending instruction marked >>):"), log);
        assertTrue(log.contains(">>    2  ALOAD 0"), log);
    }

    @Test
    void theWholePipelineKeepsUntouchedMethodsAsTheyWere() throws Exception {
        PassTesting t = new PassTesting(Stages.class);
        IdentifyPass.run(t.state);
        RefusalPass.run(t.state);
        ReferenceLinkPass.run(t.state);
        CoroutinePass.run(t.state);
        FramesPass.run(t.state);
        assertEquals("", t.log());
        assertTrue(t.state.replacements.containsKey("sum(I)I"));
        assertTrue(t.state.replacements.containsKey("cannotSuspend(I)I"), "its stamp is cleared");
        assertTrue(!t.state.replacements.containsKey("plain(I)I"));
        assertTrue(WritePass.run(t.state).length > 0);
    }
}
