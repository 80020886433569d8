package io.jcoro.agent.weave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.common.WovenMarker;
import io.jcoro.agent.contract.RuntimeNames;
import io.jcoro.agent.fixtures.Mixed;
import io.jcoro.agent.fixtures.Overrides;
import io.jcoro.agent.fixtures.Plain;
import io.jcoro.agent.identify.Prefilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.junit.jupiter.api.io.TempDir;

/** Build-time weaving of directories and jars: marked, idempotent, incremental, refusals reported. */
class WeaverTest {
    @TempDir
    Path temp;

    /** The test classes: the runtime's API (compiled alongside) and the fixtures' supertypes. */
    private static Path testClasses() throws URISyntaxException {
        return Paths.get(WeaverTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String file(Class<?> c) {
        return c.getName().replace('.', '/') + ".class";
    }

    private static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = c.getClassLoader().getResourceAsStream(file(c))) {
            return in.readAllBytes();
        }
    }

    /** A classes directory holding the given fixtures, as javac left them. */
    private Path classes(Class<?>... fixtures) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("classes"));
        for (Class<?> c : fixtures) {
            Path target = dir.resolve(file(c));
            Files.createDirectories(target.getParent());
            Files.write(target, bytes(c));
        }
        Files.writeString(dir.resolve("app.properties"), "a resource");
        return dir;
    }

    private static Weaver weaver(boolean keepRefused) throws URISyntaxException {
        return new Weaver(List.of(testClasses()), keepRefused, null);
    }

    @Test
    void aWovenClassIsMarkedAndLeftAloneByTheNextRunAndByTheAgent() throws Exception {
        Path dir = classes(Overrides.class, Plain.class);
        WeaveReport first = weaver(false).weaveDirectory(dir, dir, null);
        assertEquals(1, first.woven(), first.summary());
        assertEquals(1, first.unchanged(), first.summary());
        byte[] woven = Files.readAllBytes(dir.resolve(file(Overrides.class)));
        assertEquals(RuntimeNames.CONTRACT_VERSION, WovenMarker.contract(woven));
        byte[] plain = Files.readAllBytes(dir.resolve(file(Plain.class)));
        assertTrue(WovenMarker.isWoven(plain), "marked, though it has no coroutine");
        assertFalse(Prefilter.isCandidate(woven, ClassInfoRepository.forLoader(getClass().getClassLoader())),
                "the agent's prefilter skips a woven class");

        WeaveReport second = weaver(false).weaveDirectory(dir, dir, null);
        assertEquals(0, second.woven(), second.summary());
        assertEquals(2, second.alreadyWoven(), second.summary());
        assertArrayEquals(woven, Files.readAllBytes(dir.resolve(file(Overrides.class))), "idempotent");
    }

    @Test
    void aClassThatOnlyMentionsTheMarkIsNotTakenForWoven() throws IOException {
        byte[] mentions = bytes(WeaverTest.class); // names Woven only as a string
        assertTrue(new String(mentions, StandardCharsets.ISO_8859_1).contains(RuntimeNames.WOVEN_ANNOTATION));
        assertFalse(WovenMarker.isWoven(mentions));
    }

    @Test
    void inPlaceRunsSkipFilesOlderThanTheStamp() throws Exception {
        Path dir = classes(Overrides.class, Plain.class);
        Path stamp = temp.resolve("state/instrument.stamp");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(dir.resolve(file(Plain.class)), old);
        Files.setLastModifiedTime(dir.resolve(file(Overrides.class)), old);
        assertEquals(1, weaver(false).weaveDirectory(dir, dir, stamp).woven());
        assertTrue(Files.exists(stamp));

        // Recompiled since: read again (and woven); the untouched one is not even read.
        Files.write(dir.resolve(file(Overrides.class)), bytes(Overrides.class));
        Files.setLastModifiedTime(dir.resolve(file(Overrides.class)),
                FileTime.fromMillis(Files.getLastModifiedTime(stamp).toMillis() + 1000));
        WeaveReport again = weaver(false).weaveDirectory(dir, dir, stamp);
        assertEquals(1, again.woven(), again.summary());
        assertEquals(2, again.upToDate(), again.summary()); // Plain and the resource
    }

    @Test
    void aStampOfAnotherJcoroMakesTheNextRunReadEveryClassAgain() throws Exception {
        Path dir = classes(Overrides.class, Plain.class);
        Path stamp = temp.resolve("state/instrument.stamp");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(dir.resolve(file(Plain.class)), old);
        Files.setLastModifiedTime(dir.resolve(file(Overrides.class)), old);
        Files.setLastModifiedTime(dir.resolve("app.properties"), old); // not in the stamp's millisecond
        assertEquals(1, weaver(false).weaveDirectory(dir, dir, stamp).woven());
        assertEquals(Weaver.identity() + "\n", Files.readString(stamp));
        assertTrue(Weaver.identity().matches("jcoro \\d+\\.\\d+\\.\\d+\\S*, contract " + RuntimeNames.CONTRACT_VERSION),
                Weaver.identity());
        assertEquals(3, weaver(false).weaveDirectory(dir, dir, stamp).upToDate(), "the same jcoro: nothing read");

        // Left by an earlier jcoro: the same time, other words (an empty stamp is what 0.1.0 wrote).
        for (String earlier : List.of("jcoro 0.0.9, contract 1\n", "")) {
            FileTime time = Files.getLastModifiedTime(stamp);
            Files.writeString(stamp, earlier);
            Files.setLastModifiedTime(stamp, time);
            WeaveReport upgrade = weaver(false).weaveDirectory(dir, dir, stamp);
            assertEquals(0, upgrade.upToDate(), upgrade.summary());
            assertEquals(2, upgrade.alreadyWoven(), upgrade.summary());
            assertEquals(Weaver.identity() + "\n", Files.readString(stamp));
        }
    }

    @Test
    void aClassWovenForAnotherContractIsAFailureThatSaysToRecompile() throws Exception {
        Path dir = classes(Overrides.class);
        weaver(false).weaveDirectory(dir, dir, null);
        Path woven = dir.resolve(file(Overrides.class));
        ClassNode node = new ClassNode();
        new ClassReader(Files.readAllBytes(woven)).accept(node, 0);
        node.visibleAnnotations.stream().filter(a -> a.desc.equals(RuntimeNames.WOVEN_ANNOTATION))
                .forEach(a -> a.values.set(1, RuntimeNames.CONTRACT_VERSION - 1));
        ClassWriter writer = new ClassWriter(0);
        node.accept(writer);
        Files.write(woven, writer.toByteArray());

        WeaveReport report = weaver(false).weaveDirectory(dir, dir, null);
        assertEquals(List.of(Overrides.class.getName() + ": woven by an earlier jcoro for contract "
                + (RuntimeNames.CONTRACT_VERSION - 1) + "; this one implements contract " + RuntimeNames.CONTRACT_VERSION
                + ", and a woven class cannot be woven again: recompile it (mvn clean, say)"), report.failures());
    }

    @Test
    void anInstrumentedClassChecksTheContractFirstWhenItInitializes() throws Exception {
        Path dir = classes(Overrides.class, Plain.class);
        weaver(false).weaveDirectory(dir, dir, null);
        ClassNode node = new ClassNode();
        new ClassReader(Files.readAllBytes(dir.resolve(file(Overrides.class)))).accept(node, 0);
        MethodNode init = node.methods.stream().filter(m -> m.name.equals("<clinit>")).findFirst().orElseThrow();
        List<String> code = new ArrayList<>();
        for (AbstractInsnNode insn : init.instructions) {
            if (insn.getOpcode() >= 0) {
                code.add(insn instanceof MethodInsnNode call ? call.owner + "." + call.name + call.desc
                        : insn instanceof LdcInsnNode ldc ? "ldc " + ldc.cst : "op " + insn.getOpcode());
            }
        }
        assertEquals(List.of("op " + (Opcodes.ICONST_0 + RuntimeNames.CONTRACT_VERSION),
                "ldc " + node.name, RuntimeNames.CONTRACT + ".require(ILjava/lang/String;)V", "op " + Opcodes.RETURN),
                code, "a static initializer made for the check alone");
        ClassNode plain = new ClassNode();
        new ClassReader(Files.readAllBytes(dir.resolve(file(Plain.class)))).accept(plain, 0);
        assertTrue(plain.methods.stream().noneMatch(m -> m.name.equals("<clinit>")),
                "a class without coroutine code calls nothing of the runtime, so it needs no check");
    }

    @Test
    void weavingIntoACopyLeavesTheOriginalsAndDropsOrphans() throws Exception {
        Path dir = classes(Overrides.class, Plain.class);
        Path out = temp.resolve("woven");
        Files.createDirectories(out.resolve("gone"));
        Files.writeString(out.resolve("gone/Old.class"), "stale");
        WeaveReport report = weaver(false).weaveDirectory(dir, out, null);
        assertEquals(1, report.woven(), report.summary());
        assertArrayEquals(bytes(Overrides.class), Files.readAllBytes(dir.resolve(file(Overrides.class))));
        assertTrue(WovenMarker.isWoven(Files.readAllBytes(out.resolve(file(Overrides.class)))));
        assertEquals("a resource", Files.readString(out.resolve("app.properties")));
        assertFalse(Files.exists(out.resolve("gone/Old.class")));
        assertEquals(3, weaver(false).weaveDirectory(dir, out, null).upToDate(), "copies are newer");
    }

    @Test
    void refusalsNameTheMethodAndLineAndTheClassIsWrittenOnlyIfAsked() throws Exception {
        Path dir = classes(Mixed.class);
        WeaveReport failing = weaver(false).weaveDirectory(dir, dir, null);
        assertTrue(failing.refusals().stream().anyMatch(r -> r.contains(
                "io.jcoro.agent.fixtures.Mixed.inSynchronizedMethod(Mixed.java:26): a synchronized method cannot suspend")),
                failing.refusals().toString());
        assertArrayEquals(bytes(Mixed.class), Files.readAllBytes(dir.resolve(file(Mixed.class))),
                "not written: the next build reports it again");

        WeaveReport warning = weaver(true).weaveDirectory(dir, dir, null);
        assertEquals(failing.refusals(), warning.refusals());
        assertTrue(WovenMarker.isWoven(Files.readAllBytes(dir.resolve(file(Mixed.class)))));
    }

    @Test
    void theCommandLineWeavesAJar() throws Exception {
        Path jar = temp.resolve("app.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> c : new Class<?>[] {Overrides.class, Plain.class}) {
                out.putNextEntry(new ZipEntry(file(c)));
                out.write(bytes(c));
                out.closeEntry();
            }
        }
        Path woven = temp.resolve("out/app.jar");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = WeaveCommand.run(new String[] {"instrument", jar.toString(), "--out", woven.toString(),
                "--classpath", testClasses().toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), quiet());
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("woven 1 class;"), out.toString(StandardCharsets.UTF_8));
        try (ZipFile z = new ZipFile(woven.toFile())) {
            assertTrue(WovenMarker.isWoven(z.getInputStream(z.getEntry(file(Overrides.class))).readAllBytes()));
            assertTrue(WovenMarker.isWoven(z.getInputStream(z.getEntry(file(Plain.class))).readAllBytes()));
        }
    }

    @Test
    void theCommandLineFailsOnARefusalUnlessToldToWarn() throws Exception {
        Path dir = classes(Mixed.class);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        String cp = testClasses().toString();
        assertEquals(1, WeaveCommand.run(new String[] {"instrument", dir.toString(), "--classpath", cp}, quiet(), errors));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("[jcoro] error: jcoro cannot instrument"
                + " io.jcoro.agent.fixtures.Mixed.inSynchronizedBlock(Mixed.java:32)"), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, WeaveCommand.run(new String[] {"instrument", dir.toString(), "--classpath", cp,
                "--refusals", "warn"}, quiet(), errors));
        assertEquals(2, WeaveCommand.run(new String[] {"weave", dir.toString()}, quiet(), errors));
        assertNotEquals(0, WeaveCommand.run(new String[] {"instrument", temp.resolve("none").toString()}, quiet(), errors));
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
