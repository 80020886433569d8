package io.jcoro.agent.pipeline;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.common.Reporter;
import io.jcoro.agent.generate.RefusalCode;
import io.jcoro.agent.generate.Splicer;
import io.jcoro.agent.identify.ClassCoroutines;
import io.jcoro.agent.identify.CoroutineMethod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What the passes over one class share: the class as read, the oracle of its loader, where to
 * report, and what each pass leaves for the next (offbynull's {@code InstrumentationState}).
 * Each pass reads the fields before it and fills its own.
 */
public final class ClassState {
    /** The class file, for the writer, which copies unchanged methods byte for byte from it. */
    final ClassReader reader;
    /** The class, parsed; the passes rewrite its coroutine methods in place. */
    final ClassNode owner;
    final ClassInfoRepository repository;
    final Reporter log;
    /** Where code that fails verification is written, or null to print it in verbose mode. */
    final Path dumpDirectory;

    /** Identify: what the class holds. */
    ClassCoroutines found;
    /** Identify: each coroutine method with its suspension points, in class order. */
    final List<CoroutineMethod> coroutines = new ArrayList<>();
    /** Methods rewritten: their frames are computed again. */
    final Set<MethodNode> changed = new LinkedHashSet<>();
    /** Methods patched without moving a branch target: their frames stay valid as they are. */
    final Set<MethodNode> patched = new LinkedHashSet<>();
    /** Frames: by name and descriptor, the methods the writer puts in place of the originals. */
    final Map<String, MethodNode> replacements = new LinkedHashMap<>();

    private ClassState(ClassReader reader, ClassNode owner, ClassInfoRepository repository, Reporter log,
                       Path dumpDirectory) {
        this.reader = reader;
        this.owner = owner;
        this.repository = repository;
        this.log = log;
        this.dumpDirectory = dumpDirectory;
    }

    /**
     * Parses the class and tells the repository about it (its own methods may call each other).
     *
     * @param bytes the class file
     * @param repository the oracle of its loader
     * @param log where the passes report
     * @param dumpDirectory where code that fails verification is written, or null
     * @return the state before the first pass
     */
    public static ClassState read(byte[] bytes, ClassInfoRepository repository, Reporter log, Path dumpDirectory) {
        ClassReader reader = new ClassReader(bytes);
        ClassNode owner = new ClassNode();
        reader.accept(owner, 0);
        repository.register(reader);
        return new ClassState(reader, owner, repository, log, dumpDirectory);
    }

    /** Reports a refusal and makes the method's body throw it. */
    void refuse(MethodNode method, String reason) {
        String message = "jcoro cannot instrument " + reason;
        log.refused(message);
        Splicer.replaceBody(method, RefusalCode.throwing(message));
    }
}
