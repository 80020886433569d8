package io.jcoro.tests.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.agent.contract.RuntimeNames;
import io.jcoro.core.internal.Contract;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Code and runtime of different contracts refuse at first use with one message naming both
 * versions, never a {@code NoSuchMethodError} in user code: a class woven for another contract
 * fails to initialize with it; under an agent whose runtime implements another contract, the
 * agent says so once and leaves the classes as they are, and the first suspension says it again.
 */
@Tag("needs-agent") // reads the agent's catalogue; the woven run has no agent on its class path
class ContractMismatchTest {
    private static final int OTHER = Contract.VERSION + 1;
    private static final String FIXTURE = ContractFixture.class.getName();

    private static byte[] wovenFixture() throws IOException {
        Path dir = Paths.get(System.getProperty("jcoro.wovenTestClasses", "target/woven-test-classes"));
        return Files.readAllBytes(dir.resolve(FIXTURE.replace('.', '/') + ".class"));
    }

    @Test
    void aClassWovenForAnotherContractRefusesToInitializeWithOneMessage() throws Throwable {
        byte[] woven = wovenFixture();
        assertEquals("first: 1", "first: " + run(new Defining(woven)),
                "the woven copy itself runs against this runtime");

        LinkageError e = assertThrows(LinkageError.class, () -> run(new Defining(wovenFor(woven, OTHER))));
        assertEquals(LinkageError.class, e.getClass(), "not a NoSuchMethodError or NoClassDefFoundError");
        assertEquals(FIXTURE + " was woven by jcoro for contract " + OTHER + ", but this jcoro-runtime implements"
                + " contract " + Contract.VERSION + ": weave it again with the jcoro-maven-plugin (or jcoro-agent)"
                + " of this runtime's version, or run it with the jcoro-runtime of the weaver's version (runtime"
                + " and weaver must be of one jcoro release)", e.getMessage());
    }

    @Test
    void underAnAgentOfAnotherContractTheClassesStayAsTheyAreAndTheFirstSuspensionSaysWhy(@TempDir Path runtime)
            throws Exception {
        // A runtime of another contract: this one, with Contract.VERSION edited, first on the class path.
        Path contractFile = runtime.resolve(RuntimeNames.CONTRACT + ".class");
        Files.createDirectories(contractFile.getParent());
        try (var in = Contract.class.getResourceAsStream("Contract.class")) {
            Files.write(contractFile, withVersion(in.readAllBytes(), OTHER));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-javaagent:" + System.getProperty("jcoro.agentJar"), "-cp",
                runtime + File.pathSeparator + System.getProperty("java.class.path"),
                ContractMismatchDemo.class.getName());
        Process p = new ProcessBuilder(command).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), stdout + stderr);
        String why = "this jcoro agent implements contract " + Contract.VERSION + ", but the jcoro-runtime on the"
                + " class path implements contract " + OTHER + ": classes are left uninstrumented; use the"
                + " jcoro-agent of the runtime's version (or the runtime of the agent's: both must be of one jcoro"
                + " release)";
        assertEquals(List.of("[jcoro] " + why), stderr.lines().filter(l -> l.startsWith("[jcoro]")).toList(), stderr);
        List<String> out = stdout.lines().toList();
        assertEquals(1, out.size(), stdout);
        assertTrue(out.get(0).startsWith("NotInstrumentedException: Co.yield called from " + FIXTURE + ".countTo("),
                out.get(0));
        assertTrue(out.get(0).endsWith(", which is not instrumented: " + why), out.get(0));
    }

    /** Initializes the fixture as the given loader defines it and runs it. */
    private static Object run(Defining loader) throws Throwable {
        try {
            return Class.forName(FIXTURE, true, loader).getMethod("first").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The woven fixture as if woven for another contract: its check and its mark say so. */
    private static byte[] wovenFor(byte[] woven, int contract) {
        ClassNode node = new ClassNode();
        new ClassReader(woven).accept(node, 0);
        boolean edited = false;
        for (MethodNode m : node.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode call && call.owner.equals(RuntimeNames.CONTRACT)
                        && call.name.equals("require")) {
                    m.instructions.set(call.getPrevious().getPrevious(), new LdcInsnNode(contract));
                    edited = true;
                }
            }
        }
        assertTrue(edited, "the woven fixture calls Contract.require");
        node.visibleAnnotations.stream().filter(a -> a.desc.equals(RuntimeNames.WOVEN_ANNOTATION))
                .forEach(a -> a.values.set(1, contract));
        ClassWriter writer = new ClassWriter(0);
        node.accept(writer);
        return writer.toByteArray();
    }

    /** The runtime's Contract class with another VERSION constant. */
    private static byte[] withVersion(byte[] contractClass, int version) {
        ClassReader reader = new ClassReader(contractClass);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                return super.visitField(access, name, descriptor, signature,
                        name.equals(RuntimeNames.CONTRACT_VERSION_FIELD) ? Integer.valueOf(version) : value);
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Defines the fixture (and its lambdas' host) from the given bytes; everything else from the parent. */
    private static final class Defining extends ClassLoader {
        private final byte[] fixture;

        Defining(byte[] fixture) {
            super(ContractMismatchTest.class.getClassLoader());
            this.fixture = fixture;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.equals(FIXTURE)) {
                    return super.loadClass(name, resolve);
                }
                Class<?> c = findLoadedClass(name);
                return c != null ? c : defineClass(name, fixture, 0, fixture.length);
            }
        }
    }
}
