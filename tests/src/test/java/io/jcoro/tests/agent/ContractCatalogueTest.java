package io.jcoro.tests.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.agent.common.WovenMarker;
import io.jcoro.agent.contract.RuntimeContract;
import io.jcoro.agent.contract.RuntimeNames;
import io.jcoro.agent.weave.Weaver;
import io.jcoro.core.Co;
import io.jcoro.core.Jcoro;
import io.jcoro.core.internal.Contract;
import io.jcoro.samples.Samples;
import io.jcoro.tests.InMemoryJavac;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The agent's catalogue of what generated code calls ({@link RuntimeNames#CALLS}) against the
 * runtime: every entry exists, by reflection, with exactly its descriptor and the access
 * generated code needs; and woven code (the classes carrying the woven mark in the woven copy of
 * these tests, the runtime's own layers and the samples) calls nothing in the runtime's internal
 * package that the catalogue does not list, and every entry is called somewhere. Source outside
 * the core never names the internal package (LayeringTest), so what woven classes call there is
 * what the weaver generated.
 */
@Tag("needs-agent") // reads the agent's catalogue; the woven run has no agent on its class path
class ContractCatalogueTest {
    private static final ClassLoader LOADER = ContractCatalogueTest.class.getClassLoader();

    @TempDir
    static Path temp;

    @Test
    void everyEntryExistsInTheRuntimeWithItsExactDescriptor() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (RuntimeNames.Call call : RuntimeNames.CALLS) {
            Class<?> owner = Class.forName(call.owner().replace('/', '.'), false, LOADER);
            MethodType type = MethodType.fromMethodDescriptorString(call.descriptor(), LOADER);
            if (call.isStatic()) {
                Method m = owner.getDeclaredMethod(call.name(), type.parameterArray());
                if (m.getReturnType() != type.returnType() || !Modifier.isPublic(m.getModifiers())
                        || !Modifier.isStatic(m.getModifiers()) || !Modifier.isPublic(owner.getModifiers())) {
                    wrong.add(call + ": found " + m);
                }
            } else {
                Constructor<?> c = owner.getDeclaredConstructor(type.parameterArray());
                if (!Modifier.isPublic(c.getModifiers()) || Modifier.isAbstract(owner.getModifiers())) {
                    wrong.add(call + ": found " + c);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(Modifier.isPublic(Class.forName(RuntimeNames.CONTINUATION.replace('/', '.')).getModifiers()));
    }

    @Test
    void theContractVersionIsReadFromTheClassFileAsTheRuntimeCompiledIt() throws IOException {
        assertEquals(RuntimeNames.CONTRACT_VERSION, Contract.VERSION);
        assertEquals(Jcoro.CONTRACT_VERSION, Contract.VERSION);
        try (InputStream in = LOADER.getResourceAsStream(RuntimeNames.CONTRACT + ".class")) {
            assertEquals(Contract.VERSION, RuntimeContract.version(in.readAllBytes()));
        }
    }

    @Test
    void wovenCodeCallsOnlyWhatTheCatalogueListsAndUsesAllOfIt() throws Exception {
        Set<RuntimeNames.Call> called = new HashSet<>();
        Set<String> unlisted = new TreeSet<>();
        int classes = 0;
        for (byte[] bytes : wovenClasses()) {
            if (!WovenMarker.isWoven(bytes)) {
                continue; // the core itself, module-info, package-info: nothing generated there
            }
            classes++;
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                            if (owner.startsWith(RuntimeNames.INTERNAL_PACKAGE)
                                    || owner.equals(RuntimeNames.NOT_INSTRUMENTED) && method.equals("<init>")) {
                                called.add(new RuntimeNames.Call(owner, method, desc));
                            }
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap,
                                                           Object... arguments) {
                            bootstrapped(bootstrap);
                        }

                        @Override
                        public void visitLdcInsn(Object value) {
                            if (value instanceof ConstantDynamic constant) {
                                bootstrapped(constant.getBootstrapMethod());
                            }
                        }

                        private void bootstrapped(Handle bootstrap) {
                            if (bootstrap.getOwner().startsWith(RuntimeNames.INTERNAL_PACKAGE)) {
                                called.add(new RuntimeNames.Call(bootstrap.getOwner(), bootstrap.getName(),
                                        bootstrap.getDesc()));
                            }
                        }

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                            if (owner.startsWith(RuntimeNames.INTERNAL_PACKAGE)) {
                                unlisted.add("field " + owner + "." + field);
                            }
                        }

                        @Override
                        public void visitTypeInsn(int opcode, String type) {
                            if (type.startsWith(RuntimeNames.INTERNAL_PACKAGE)) {
                                unlisted.add("type instruction on " + type);
                            }
                        }
                    };
                }

                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                               Object value) {
                    if (descriptor.contains(RuntimeNames.INTERNAL_PACKAGE)) {
                        unlisted.add("field of type " + descriptor);
                    }
                    return null;
                }
            }, 0);
        }
        for (RuntimeNames.Call call : called) {
            if (!RuntimeNames.CALLS.contains(call)) {
                unlisted.add("call " + call);
            }
        }
        assertEquals(Set.of(), unlisted, "used by woven code, missing from RuntimeNames.CALLS");
        Set<RuntimeNames.Call> unused = new HashSet<>(RuntimeNames.CALLS);
        unused.removeAll(called);
        assertEquals(Set.of(), unused, "listed in RuntimeNames.CALLS, called by no woven class");
        assertTrue(classes > 300, "woven classes read: " + classes);
    }

    /**
     * The woven copy of these tests, the runtime's woven layers and the woven samples, all
     * compiled for Java 17, and a class compiled for Java 8 (its frame labels take another form).
     */
    private static List<byte[]> wovenClasses() throws Exception {
        List<byte[]> all = new ArrayList<>(wovenForJava8());
        all.addAll(classesIn(Paths.get(System.getProperty("jcoro.wovenTestClasses", "target/woven-test-classes"))));
        all.addAll(classesIn(Paths.get(Co.class.getProtectionDomain().getCodeSource().getLocation().toURI())));
        all.addAll(classesIn(Paths.get(Samples.class.getProtectionDomain().getCodeSource().getLocation().toURI())));
        return all;
    }

    private static List<byte[]> wovenForJava8() throws Exception {
        String source = """
                package old;

                import io.jcoro.core.Co;
                import io.jcoro.core.Coroutine;

                public class Eight {
                    @Coroutine
                    static void run() {
                        Co.yield("eight");
                    }
                }
                """;
        Map<String, byte[]> classes;
        try (InMemoryJavac javac = new InMemoryJavac(Co.class)) {
            classes = javac.compile(Map.of("old.Eight", source), true, List.of("--release", "8"));
        }
        Path in = temp.resolve("classes");
        Path out = temp.resolve("woven");
        Files.createDirectories(in.resolve("old"));
        Files.write(in.resolve("old/Eight.class"), classes.get("old.Eight"));
        Path runtime = Paths.get(Co.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        new Weaver(List.of(runtime), false, null).weaveDirectory(in, out, null);
        return classesIn(out);
    }

    private static List<byte[]> classesIn(Path location) throws IOException {
        List<byte[]> out = new ArrayList<>();
        if (Files.isDirectory(location)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(location)) {
                files = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
            }
            for (Path file : files) {
                out.add(Files.readAllBytes(file));
            }
            return out;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            for (var entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    out.add(in.readAllBytes());
                }
            }
        }
        return out;
    }
}
