package io.jcoro.agent.weave;

import io.jcoro.agent.AgentLog;
import io.jcoro.agent.ClassInstrumenter;
import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.common.WovenMarker;
import io.jcoro.agent.contract.RuntimeNames;
import io.jcoro.agent.identify.Prefilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build-time weaving: the agent's {@link ClassInstrumenter} applied to the class files of a
 * directory or a jar, each class it processed marked by {@link WovenMarker} (those without
 * coroutine code too: the mark says the class went through the weaver). Shared by the Maven
 * plugin and the command line ({@link WeaveCommand}).
 *
 * <p>Superclass questions are answered from the given class path as bytes ({@link ResourceLoader}):
 * no class of the woven project is loaded. A class already marked is left alone, so weaving is
 * idempotent; {@code io.jcoro.core}, {@code module-info} and {@code package-info} are never touched.
 *
 * <p>Refusals: with {@code keepRefused} false (the plugin's default) a class with a refused
 * method is not written, so the next run reports it again; with it true the class is written
 * with the throwing bodies the agent would produce, and the refusals are only reported.
 */
public final class Weaver {
    private final List<Path> classPath;
    private final boolean keepRefused;
    private final Consumer<String> verbose;

    /**
     * @param classPath the woven code's dependencies (directories and jars), in class-path order
     * @param keepRefused whether to write classes with refused methods (see the class comment)
     * @param verbose receives one line per instrumented method, or null for silence
     */
    public Weaver(List<Path> classPath, boolean keepRefused, Consumer<String> verbose) {
        this.classPath = List.copyOf(classPath);
        this.keepRefused = keepRefused;
        this.verbose = verbose;
    }

    /**
     * @return what the stamp file of an in-place run records: this weaver's version and contract.
     *         A stamp that says anything else (another jcoro, or an empty stamp of an earlier
     *         one) makes the next run read every class file again.
     */
    public static String identity() {
        String version;
        try (InputStream in = Weaver.class.getResourceAsStream("version.txt")) {
            version = in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            version = "unknown";
        }
        return "jcoro " + version + ", contract " + RuntimeNames.CONTRACT_VERSION;
    }

    /**
     * Weaves a directory of class files, in place or into a copy. In place, a stamp file makes
     * the run incremental: class files older than the previous successful run are not read
     * (the compiler rewrites every class whose inputs changed), unless the stamp was written by
     * another version of jcoro ({@link #identity()}): then every file is read again, and a class
     * woven for another contract is a failure that says to recompile it. Into a copy, a file
     * whose copy is newer is skipped, and copies whose original is gone are deleted; other files
     * are copied as they are.
     *
     * @param in the classes directory
     * @param out where to write: {@code in} itself, or another directory
     * @param stamp the in-place stamp file (outside {@code in}), or null to read every file
     * @return what was done
     * @throws IOException if a file cannot be read or written
     */
    public WeaveReport weaveDirectory(Path in, Path out, Path stamp) throws IOException {
        WeaveReport report = new WeaveReport();
        boolean inPlace = Files.isSameFile(in, Files.createDirectories(out));
        FileTime start = FileTime.fromMillis(System.currentTimeMillis());
        FileTime lastRun = inPlace && stamp != null && Files.exists(stamp)
                && Files.readString(stamp).strip().equals(identity()) ? Files.getLastModifiedTime(stamp) : null;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(in)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        try (ResourceLoader loader = ResourceLoader.over(prepend(in))) {
            for (Path file : files) {
                String relative = in.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                Path target = out.resolve(relative);
                FileTime modified = Files.getLastModifiedTime(file);
                if (inPlace ? lastRun != null && modified.compareTo(lastRun) < 0
                        : Files.exists(target) && Files.getLastModifiedTime(target).compareTo(modified) >= 0) {
                    report.upToDate++;
                    continue;
                }
                byte[] woven = relative.endsWith(".class")
                        ? weave(className(relative), Files.readAllBytes(file), loader, report) : null;
                if (woven != null) {
                    Files.createDirectories(target.getParent());
                    Files.write(target, woven);
                    if (inPlace) {
                        // As the compiler left it: older than the stamp, so the next run skips it.
                        Files.setLastModifiedTime(target, modified);
                    }
                } else if (!inPlace) {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (!inPlace) {
            deleteOrphans(in, out);
        }
        if (inPlace && stamp != null && report.failures.isEmpty() && (keepRefused || report.refusals.isEmpty())) {
            Files.createDirectories(stamp.toAbsolutePath().getParent());
            Files.writeString(stamp, identity() + "\n");
            Files.setLastModifiedTime(stamp, start);
        }
        return report;
    }

    /**
     * Weaves the classes of a jar into a new jar (or the same one, replaced at the end). Other
     * entries are copied as they are, in their order.
     *
     * @param in the jar
     * @param out where to write the woven jar, may be {@code in}
     * @return what was done
     * @throws IOException if a file cannot be read or written
     */
    public WeaveReport weaveJar(Path in, Path out) throws IOException {
        WeaveReport report = new WeaveReport();
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "jcoro-weave", ".jar");
        try (ResourceLoader loader = ResourceLoader.over(prepend(in));
             ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(temporary))) {
            for (ZipEntry entry; (entry = zin.getNextEntry()) != null; ) {
                byte[] bytes = zin.readAllBytes();
                byte[] woven = !entry.isDirectory() && entry.getName().endsWith(".class")
                        ? weave(className(entry.getName()), bytes, loader, report) : null;
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                zout.putNextEntry(copy);
                zout.write(woven != null ? woven : bytes);
                zout.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING);
        return report;
    }

    /**
     * Instruments the class if it has coroutine code, and marks it either way: the mark says
     * "processed by the weaver", so the runtime can tell a woven program from any of its
     * classes on the stack, and the agent skips the class without a second look.
     *
     * @return the woven class file, or null if it is to stay as it is
     */
    private byte[] weave(String name, byte[] bytes, ClassLoader loader, WeaveReport report) {
        // The core is the machinery generated code calls into; it is never instrumented.
        if (name.endsWith("module-info") || name.endsWith("package-info") || name.startsWith(RuntimeNames.CORE_PACKAGE)) {
            return null;
        }
        try {
            if (WovenMarker.isWoven(bytes)) {
                int contract = WovenMarker.contract(bytes);
                if (contract != RuntimeNames.CONTRACT_VERSION) {
                    report.failures.add(name.replace('/', '.') + ": woven by an earlier jcoro for contract " + contract
                            + "; this one implements contract " + RuntimeNames.CONTRACT_VERSION
                            + ", and a woven class cannot be woven again: recompile it (mvn clean, say)");
                    return null;
                }
                report.alreadyWoven++;
                return null;
            }
            byte[] instrumented = null;
            Collecting log = new Collecting(verbose);
            if (Prefilter.isCandidate(bytes, ClassInfoRepository.forLoader(loader))) {
                instrumented = new ClassInstrumenter(log).instrument(loader, bytes);
            }
            if (instrumented == null) {
                report.unchanged++;
                return WovenMarker.mark(bytes);
            }
            report.refusals.addAll(log.refusals);
            if (!log.refusals.isEmpty() && !keepRefused) {
                return null;
            }
            report.woven++;
            return WovenMarker.mark(ContractRequirement.add(instrumented, ClassInfoRepository.forLoader(loader)));
        } catch (RuntimeException | LinkageError e) {
            report.failures.add(name.replace('/', '.') + ": " + e);
            return null;
        }
    }

    private List<Path> prepend(Path first) {
        List<Path> all = new ArrayList<>();
        all.add(first);
        all.addAll(classPath);
        return all;
    }

    private static String className(String relativePath) {
        String name = relativePath.substring(0, relativePath.length() - ".class".length());
        // A multi-release jar's versioned class: the name inside the file is what matters.
        return name.startsWith("META-INF/versions/") ? name.replaceFirst("^META-INF/versions/\\d+/", "") : name;
    }

    private static void deleteOrphans(Path in, Path out) throws IOException {
        List<Path> orphans;
        try (Stream<Path> walk = Files.walk(out)) {
            orphans = walk.filter(Files::isRegularFile)
                    .filter(p -> !Files.exists(in.resolve(out.relativize(p).toString())))
                    .collect(Collectors.toList());
        }
        for (Path orphan : orphans) {
            Files.delete(orphan);
        }
    }

    /** Collects refusals of one class instead of printing them. */
    private static final class Collecting extends AgentLog {
        final List<String> refusals = new ArrayList<>();
        private final Consumer<String> verbose;

        Collecting(Consumer<String> verbose) {
            super(Level.ERRORS, new PrintStream(OutputStream.nullOutputStream()));
            this.verbose = verbose;
        }

        @Override
        public void refused(String message) {
            refusals.add(message);
        }

        @Override
        public void instrumented(String owner, String method, int points) {
            if (verbose != null) {
                verbose.accept("instrumented " + owner.replace('/', '.') + "." + method + " (" + points
                        + " suspension point" + (points == 1 ? ")" : "s)"));
            }
        }
    }
}
