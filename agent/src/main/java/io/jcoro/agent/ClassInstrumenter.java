package io.jcoro.agent;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.identify.ClassCoroutines;
import io.jcoro.agent.identify.CoroutineMethodFinder;
import io.jcoro.agent.pipeline.ClassState;
import io.jcoro.agent.pipeline.CoroutinePass;
import io.jcoro.agent.pipeline.FramesPass;
import io.jcoro.agent.pipeline.IdentifyPass;
import io.jcoro.agent.pipeline.ReferenceLinkPass;
import io.jcoro.agent.pipeline.RefusalPass;
import io.jcoro.agent.pipeline.WritePass;
import java.nio.file.Path;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Instruments one class, by a fixed sequence of passes over a shared {@link ClassState}
 * (docs/DESIGN.md section 3): identify; apply identify's refusals and method-reference links;
 * then per coroutine method prepare, analyse, generate and splice; then frames and verification;
 * then write. A method that cannot be instrumented is refused on its own (its body throws the
 * reason); the rest of the class is still instrumented. Methods that need no change keep their
 * exact bytes.
 */
public final class ClassInstrumenter {
    private final AgentLog log;
    private final Path dumpDirectory;
    private boolean publishesLinks;

    /** @param log where refusals and instrumented methods are reported */
    public ClassInstrumenter(AgentLog log) {
        this(log, null);
    }

    /**
     * @param log where refusals and instrumented methods are reported
     * @param dumpDirectory where the code of a method that fails verification is written, or null
     *                      to print it in the log (verbose)
     */
    public ClassInstrumenter(AgentLog log, Path dumpDirectory) {
        this.log = log;
        this.dumpDirectory = dumpDirectory;
    }

    /**
     * Makes this instrumenter keep every method-reference link it inserts in
     * {@link PublishedLinks}, for the runtime to find when the inserted call never ran (the agent
     * does this; build-time weaving has no use for it).
     *
     * @return this instrumenter
     */
    public ClassInstrumenter publishingLinks() {
        publishesLinks = true;
        return this;
    }

    /**
     * @param loader the defining loader (null for the bootstrap loader)
     * @param bytes the class file
     * @return whether {@link #instrument} would change it
     */
    public boolean needsChange(ClassLoader loader, byte[] bytes) {
        ClassInfoRepository repository = ClassInfoRepository.forLoader(loader);
        ClassNode owner = new ClassNode();
        new ClassReader(bytes).accept(owner, ClassReader.SKIP_FRAMES);
        return !CoroutineMethodFinder.find(owner, repository).isEmpty();
    }

    /**
     * @param loader the defining loader (null for the bootstrap loader)
     * @param bytes the class file
     * @return the instrumented class file, or null if the class needs no change
     */
    public byte[] instrument(ClassLoader loader, byte[] bytes) {
        ClassState state = ClassState.read(bytes, ClassInfoRepository.forLoader(loader), log, dumpDirectory);
        if (!IdentifyPass.run(state)) {
            return null;
        }
        RefusalPass.run(state);
        List<ClassCoroutines.Reference> linked = ReferenceLinkPass.run(state);
        if (publishesLinks) {
            for (ClassCoroutines.Reference r : linked) {
                PublishedLinks.add(r.interfaceId(), r.targetId());
            }
        }
        CoroutinePass.run(state);
        FramesPass.run(state);
        return WritePass.run(state);
    }
}
