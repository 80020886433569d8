package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
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
        assertTrue(e.getMessage().contains("RefusalTest.synchronizedBlock(RefusalTest.java:34)"), e.getMessage());
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
}
