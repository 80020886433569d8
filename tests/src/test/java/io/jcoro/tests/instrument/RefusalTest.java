package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.CoRunnable;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.NotInstrumentedException;
import io.jcoro.tests.Drain;
import io.jcoro.tests.GeneratedClasses;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the agent refuses at load time (naming class, method and line) fails with that message
 * when called; the rest of the class is instrumented as usual.
 */
class RefusalTest {
    private final Object lock = new Object();

    @Coroutine
    synchronized void synchronizedMethod() {
        Co.yield("never");
    }

    @Coroutine
    void synchronizedBlock() {
        synchronized (lock) {
            Co.yield("never");
        }
    }

    @Coroutine
    void synchronizedAroundPlainCodeOnly() {
        int n;
        synchronized (lock) {
            n = 3;
        }
        Co.yield("fine " + n);
    }

    @Test
    void suspensionInASynchronizedMethodIsRefused() {
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class,
                () -> Generator.of(this::synchronizedMethod).next());
        assertTrue(e.getMessage().startsWith("jcoro cannot instrument io.jcoro.tests.instrument.RefusalTest.synchronizedMethod(RefusalTest.java:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("synchronized method"), e.getMessage());
    }

    @Test
    void suspensionInASynchronizedBlockIsRefusedWithItsLine() {
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class,
                () -> Generator.of(this::synchronizedBlock).next());
        assertTrue(e.getMessage().contains("RefusalTest.synchronizedBlock(RefusalTest.java:35)"), e.getMessage());
        assertTrue(e.getMessage().contains("synchronized block"), e.getMessage());
    }

    @Test
    void aMonitorReleasedBeforeTheSuspensionIsFine() {
        assertEquals(List.of("fine 3"), Drain.all(Generator.of(this::synchronizedAroundPlainCodeOnly)));
    }

    @Test
    @org.junit.jupiter.api.Tag("needs-agent") // a class defined at run time: only an agent instruments it
    void anAnnotatedConstructorIsRefused() throws Exception {
        // javac rejects @Coroutine on a constructor (@Target(METHOD)); other compilers might not.
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "gen/CoroutineConstructor", null, "java/lang/Object", null);
        cw.visitSource("CoroutineConstructor.java", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitAnnotation("Lio/jcoro/core/Coroutine;", true).visitEnd();
        init.visitCode();
        org.objectweb.asm.Label l = new org.objectweb.asm.Label();
        init.visitLabel(l);
        init.visitLineNumber(3, l);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        cw.visitEnd();
        Class<?> c = new GeneratedClasses().define("gen/CoroutineConstructor", cw.toByteArray());
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class, () -> {
            try {
                c.getConstructor().newInstance();
            } catch (java.lang.reflect.InvocationTargetException ite) {
                throw ite.getCause();
            }
        });
        assertEquals("jcoro cannot instrument gen.CoroutineConstructor.<init>(CoroutineConstructor.java:3):"
                + " a constructor or static initializer cannot be a coroutine", e.getMessage());
    }

    @Test
    @org.junit.jupiter.api.Tag("needs-agent") // a class defined at run time: only an agent instruments it
    void aCoroutineInAClassFileOlderThanJava7IsRefused() throws Exception {
        Class<?> c = new GeneratedClasses().define("gen/Yields", yieldingRunnable(Opcodes.V1_6));
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class,
                () -> Drain.all(Generator.of((CoRunnable) c.getConstructor().newInstance())));
        assertEquals("jcoro cannot instrument gen.Yields.run(Yields.java:7): the class file is of version 50"
                + " (Java 6 or older), which has no invokedynamic, and a coroutine's frames need it: compile the"
                + " class for Java 7 or later", e.getMessage());
    }

    @Test
    @org.junit.jupiter.api.Tag("needs-agent")
    void aCoroutineInAJava7ClassFileSuspendsAndNamesItsFrame() throws Exception {
        Class<?> c = new GeneratedClasses().define("gen/Yields", yieldingRunnable(Opcodes.V1_7));
        Generator<Object> g = Generator.of((CoRunnable) c.getConstructor().newInstance());
        assertEquals("seven", g.next());
        assertEquals("gen.Yields.run(Yields.java:7)", g.suspendedFrames().get(0).toString());
        assertEquals(List.of(), Drain.all(g));
    }

    /** {@code class Yields implements CoRunnable { @Coroutine public void run() { Co.yield("seven"); } }} */
    private static byte[] yieldingRunnable(int version) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "gen/Yields", null, "java/lang/Object",
                new String[] {"io/jcoro/core/CoRunnable"});
        cw.visitSource("Yields.java", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "()V", null, null);
        run.visitAnnotation("Lio/jcoro/core/Coroutine;", true).visitEnd();
        run.visitCode();
        org.objectweb.asm.Label l = new org.objectweb.asm.Label();
        run.visitLabel(l);
        run.visitLineNumber(7, l);
        run.visitLdcInsn("seven");
        run.visitMethodInsn(Opcodes.INVOKESTATIC, "io/jcoro/core/Co", "yield", "(Ljava/lang/Object;)Ljava/lang/Object;",
                false);
        run.visitInsn(Opcodes.POP);
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
