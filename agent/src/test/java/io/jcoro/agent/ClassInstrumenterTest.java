package io.jcoro.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.contract.RuntimeNames;
import io.jcoro.agent.fixtures.Mixed;
import io.jcoro.agent.fixtures.Overrides;
import io.jcoro.agent.fixtures.Plain;
import io.jcoro.agent.identify.Prefilter;
import io.jcoro.core.internal.Frames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/** The instrumenter on class bytes, without an agent: what it changes, refuses and leaves alone. */
class ClassInstrumenterTest {
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final ClassInstrumenter instrumenter =
            new ClassInstrumenter(new AgentLog(AgentLog.Level.ERRORS, new PrintStream(logBytes, true, StandardCharsets.UTF_8)));
    private final ClassLoader loader = getClass().getClassLoader();

    static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void classesWithoutCoroutinesAreRejectedByThePrefilterAndLeftUntouched() throws IOException {
        byte[] plain = bytes(Plain.class);
        assertFalse(Prefilter.isCandidate(plain, ClassInfoRepository.forLoader(loader)));
        assertNull(instrumenter.instrument(loader, plain));
        assertTrue(Prefilter.isCandidate(bytes(Mixed.class), ClassInfoRepository.forLoader(loader)));
    }

    @Test
    void onlyCoroutineMethodsChangeAndTheOthersKeepTheirBytes() throws IOException {
        byte[] original = bytes(Mixed.class);
        byte[] instrumented = instrumenter.instrument(loader, original);
        assertNotNull(instrumented);
        Map<String, MethodNode> before = methods(original);
        Map<String, MethodNode> after = methods(instrumented);
        assertEquals(before.keySet(), after.keySet(), "no method added or removed");
        assertEquals(size(before.get("plain(I)I")), size(after.get("plain(I)I")));
        assertEquals(size(before.get("<init>()V")), size(after.get("<init>()V")));
        assertTrue(size(after.get("yields()V")) > 3 * size(before.get("yields()V")));
        assertEquals(size(before.get("leaf()V")) + 1, size(after.get("leaf()V")), "only Frames.clearStamp() added");
        assertNoVerifierErrors(instrumented);
    }

    @Test
    void refusalsNameClassMethodAndLine() throws IOException {
        instrumenter.instrument(loader, bytes(Mixed.class));
        String log = log();
        assertTrue(log.contains("[jcoro] jcoro cannot instrument io.jcoro.agent.fixtures.Mixed.inSynchronizedMethod(Mixed.java:26):"
                + " a synchronized method cannot suspend"), log);
        assertTrue(log.contains("[jcoro] jcoro cannot instrument io.jcoro.agent.fixtures.Mixed.inSynchronizedBlock(Mixed.java:32):"
                + " suspension inside a synchronized block"), log);
        assertTrue(log.contains("[jcoro] jcoro cannot instrument io.jcoro.agent.fixtures.Mixed.nativeCoroutine(Mixed.java):"
                + " a native method cannot be a coroutine"), log);
    }

    @Test
    void anOverrideOfACoroutineIsInstrumentedWithoutTheAnnotation() throws IOException {
        byte[] original = bytes(Overrides.class);
        assertTrue(Prefilter.isCandidate(original, ClassInfoRepository.forLoader(loader)));
        byte[] instrumented = instrumenter.instrument(loader, original);
        assertNotNull(instrumented);
        assertTrue(size(methods(instrumented).get("yields()V")) > size(methods(original).get("yields()V")));
        assertNoVerifierErrors(instrumented);
    }

    @Test
    void theAgentAndTheRuntimeAgreeOnMethodIds() {
        for (String[] m : new String[][] {{"run", "()V"}, {"get", "()Ljava/lang/Object;"}, {"x", "(IJ[Ljava/lang/String;)V"}}) {
            assertEquals(Frames.methodId(m[0], m[1]), RuntimeNames.methodId(m[0], m[1]));
        }
        assertEquals(Frames.BODY, RuntimeNames.BODY_STAMP);
    }

    @Test
    void aCoroutineWhoseOnlySuspensionIsUnreachableStaysLoadable() throws Exception {
        // javac never leaves a call after a return, other compilers and bytecode tools may.
        byte[] original = deadYield();
        byte[] instrumented = instrumenter.instrument(loader, original);
        assertNotNull(instrumented);
        assertNoVerifierErrors(instrumented);
        Class<?> c = new ClassLoader(loader) {
            Class<?> define() {
                return defineClass("gen.DeadYield", instrumented, 0, instrumented.length);
            }
        }.define();
        assertEquals("ran", c.getMethod("run").invoke(null), "the JVM verifies and runs it");
        assertEquals("", log());
    }

    /** {@code @Coroutine static Object run() { return "ran"; Co.yield("never"); ... }} */
    private static byte[] deadYield() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "gen/DeadYield", null, "java/lang/Object", null);
        cw.visitSource("DeadYield.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()Ljava/lang/Object;",
                null, null);
        mv.visitAnnotation("Lio/jcoro/core/Coroutine;", true).visitEnd();
        mv.visitCode();
        Label start = new Label();
        mv.visitLabel(start);
        mv.visitLineNumber(3, start);
        mv.visitLdcInsn("ran");
        mv.visitInsn(Opcodes.ARETURN);
        Label dead = new Label();
        mv.visitLabel(dead);
        mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        mv.visitLdcInsn("never");
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "io/jcoro/core/Co", "yield",
                "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    static Map<String, MethodNode> methods(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        Map<String, MethodNode> byName = new HashMap<>();
        node.methods.forEach(m -> byName.put(m.name + m.desc, m));
        return byName;
    }

    static int size(MethodNode m) {
        return m.instructions.size();
    }

    static void assertNoVerifierErrors(byte[] bytes) {
        StringWriter report = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), ClassInstrumenterTest.class.getClassLoader(), false,
                new PrintWriter(report));
        assertEquals("", report.toString());
    }
}
