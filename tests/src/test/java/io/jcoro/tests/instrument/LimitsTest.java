package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import io.jcoro.core.Co;
import io.jcoro.core.CoRunnable;
import io.jcoro.core.CoSupplier;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.NotInstrumentedException;
import io.jcoro.tests.Drain;
import io.jcoro.tests.GeneratedClasses;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/** Deep recursion, more than 255 locals, and methods near the 64 KB code limit. */
class LimitsTest {

    @Coroutine
    static int descend(int depth, String path) {
        if (depth == 0) {
            Integer sent = Co.yield(path.length());
            return sent;
        }
        int here = depth * 3;
        int below = descend(depth - 1, depth % 100 == 0 ? path + "/" + depth : path);
        return below + here;
    }

    @Test
    void recursionAThousandDeep() {
        Generator<Integer> g = Generator.returning(() -> descend(1000, ""));
        int pathLength = g.next();
        assertEquals("/1000/900/800/700/600/500/400/300/200/100".length(), pathLength);
        assertEquals(1, g.suspendedFrames().stream().filter(f -> f.getMethodName().startsWith("lambda$")).count());
        assertEquals(1001, g.suspendedFrames().stream().filter(f -> f.getMethodName().equals("descend")).count());
        assertThrows(io.jcoro.core.StopIteration.class, () -> g.send(7));
        int expected = 7;
        for (int d = 1; d <= 1000; d++) {
            expected += d * 3;
        }
        assertEquals(expected, (int) g.returnValue());
    }

    /** A CoSupplier whose get() fills 300 int locals, yields, and returns their sum. */
    private static byte[] wideLocals(String name, int locals) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC, name, null, "java/lang/Object", new String[] {"io/jcoro/core/CoSupplier"});
        constructor(cw);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "get", "()Ljava/lang/Object;", null, null);
        mv.visitCode();
        for (int i = 1; i <= locals; i++) {
            mv.visitLdcInsn(i);
            mv.visitVarInsn(ISTORE, i);
        }
        mv.visitLdcInsn("wide");
        mv.visitMethodInsn(INVOKESTATIC, "io/jcoro/core/Co", "yield", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitInsn(POP);
        mv.visitLdcInsn(0);
        for (int i = 1; i <= locals; i++) {
            mv.visitVarInsn(ILOAD, i);
            mv.visitInsn(IADD);
        }
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void constructor(ClassWriter cw) {
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
    }

    @Test
    void moreThan255LiveLocals() throws Exception {
        Class<?> c = new GeneratedClasses().define("gen/WideLocals", wideLocals("gen/WideLocals", 300));
        CoSupplier<?> body = (CoSupplier<?>) c.getConstructor().newInstance();
        Generator<Object> g = Generator.returning(body);
        assertEquals(List.of("wide"), Drain.all(g));
        assertEquals(300 * 301 / 2, (int) g.returnValue());
    }

    /** A CoRunnable whose run() yields {@code count} constants: huge once instrumented. */
    private static byte[] manyYields(String name, int count) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC, name, null, "java/lang/Object", new String[] {"io/jcoro/core/CoRunnable"});
        cw.visitSource("ManyYields.java", null);
        constructor(cw);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "run", "()V", null, null);
        mv.visitCode();
        org.objectweb.asm.Label start = new org.objectweb.asm.Label();
        mv.visitLabel(start);
        mv.visitLineNumber(7, start);
        for (int i = 0; i < count; i++) {
            mv.visitLdcInsn("v" + i);
            mv.visitMethodInsn(INVOKESTATIC, "io/jcoro/core/Co", "yield", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
            mv.visitInsn(POP);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void aMethodThatWouldOutgrow64KbIsRefusedWithAClearError() throws Exception {
        byte[] bytes = manyYields("gen/ManyYields", 9000);
        Class<?> c = new GeneratedClasses().define("gen/ManyYields", bytes);
        CoRunnable body = (CoRunnable) c.getConstructor().newInstance();
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class, () -> Generator.of(body).next());
        assertTrue(e.getMessage().contains("gen.ManyYields.run(ManyYields.java:7)"), e.getMessage());
        assertTrue(e.getMessage().contains("64 KB"), e.getMessage());
    }

    @Test
    void aMethodWithManySuspensionPointsBelowTheLimitWorks() throws Exception {
        Class<?> c = new GeneratedClasses().define("gen/SomeYields", manyYields("gen/SomeYields", 500));
        CoRunnable body = (CoRunnable) c.getConstructor().newInstance();
        List<Object> all = Drain.all(Generator.of(body));
        assertEquals(500, all.size());
        assertEquals("v499", all.get(499));
    }
}
