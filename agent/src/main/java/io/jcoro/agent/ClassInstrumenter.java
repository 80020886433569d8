package io.jcoro.agent;

import io.jcoro.agent.analyse.MethodAnalyzer;
import io.jcoro.agent.analyse.MethodPlan;
import io.jcoro.agent.analyse.RefusedException;
import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.classinfo.MissingClassException;
import io.jcoro.agent.generate.FrameComputer;
import io.jcoro.agent.generate.MethodRewriter;
import io.jcoro.agent.generate.ReferenceLinkCode;
import io.jcoro.agent.generate.RefusalCode;
import io.jcoro.agent.generate.StampClearing;
import io.jcoro.agent.identify.ClassCoroutines;
import io.jcoro.agent.identify.CoroutineMethodFinder;
import io.jcoro.agent.identify.Lines;
import io.jcoro.agent.identify.SuspensionPointFinder;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Instruments one class: identify, then per method analyse and generate, then write. A method
 * that cannot be instrumented is refused on its own (its body throws the reason); the rest of
 * the class is still instrumented. Methods that need no change keep their exact bytes.
 */
public final class ClassInstrumenter {
    private final AgentLog log;

    public ClassInstrumenter(AgentLog log) {
        this.log = log;
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
        ClassInfoRepository repository = ClassInfoRepository.forLoader(loader);
        ClassReader reader = new ClassReader(bytes);
        ClassNode owner = new ClassNode();
        reader.accept(owner, 0);
        repository.register(reader);
        ClassCoroutines found = CoroutineMethodFinder.find(owner, repository);
        if (found.isEmpty()) {
            return null;
        }
        Set<MethodNode> changed = new LinkedHashSet<>();
        Set<MethodNode> patched = new LinkedHashSet<>();
        for (ClassCoroutines.RefusedBody site : found.refusedBodies()) {
            log.refused(site.message());
            RefusalCode.failAt(site.method(), site.site(), site.message());
            changed.add(site.method());
        }
        for (Map.Entry<MethodNode, String> e : found.refusedMethods().entrySet()) {
            log.refused(e.getValue());
            if ((e.getKey().access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0) {
                RefusalCode.replaceBody(e.getKey(), e.getValue());
                changed.add(e.getKey());
            }
        }
        for (ClassCoroutines.Reference reference : found.references()) {
            if (!found.refusedMethods().containsKey(reference.method())) {
                ReferenceLinkCode.apply(reference);
                patched.add(reference.method());
            }
        }
        Set<String> localCoroutines = new HashSet<>();
        for (MethodNode method : found.coroutines().keySet()) {
            localCoroutines.add(method.name + method.desc);
        }
        for (Map.Entry<MethodNode, Set<Integer>> e : found.coroutines().entrySet()) {
            MethodNode method = e.getKey();
            List<SuspensionPointFinder.Site> sites =
                    SuspensionPointFinder.find(owner, method, localCoroutines, repository);
            if (sites.isEmpty()) {
                StampClearing.apply(method);
                patched.add(method);
                continue;
            }
            // A missing class surfaces as a RefusedException: the analyzer wraps what the
            // repository throws, and MethodAnalyzer unwraps it.
            try {
                MethodPlan plan = MethodAnalyzer.analyse(owner, method, e.getValue(), sites, repository);
                if (plan.points().isEmpty()) {
                    // Every site is unreachable: nothing to resume, so it is a coroutine that
                    // cannot suspend (a restore switch over no points would not verify).
                    StampClearing.apply(method);
                } else {
                    MethodRewriter.rewrite(plan, owner);
                    log.instrumented(owner.name, method.name, plan.points().size());
                }
            } catch (RefusedException refused) {
                refuse(method, refused.getMessage());
            } catch (RuntimeException bug) {
                refuse(method, where(owner, method) + ": internal error " + bug);
            }
            changed.add(method);
        }
        Map<String, MethodNode> replacements = new LinkedHashMap<>();
        for (MethodNode method : patched) {
            replacements.put(method.name + method.desc, method);
        }
        for (MethodNode method : changed) {
            replacements.put(method.name + method.desc, withFrames(owner, method, repository));
        }
        return write(reader, replacements);
    }

    private static String where(ClassNode owner, MethodNode method) {
        return Lines.describe(owner, method, Lines.firstLine(method));
    }

    /** Logs the refusal and makes the method's body throw it. */
    private void refuse(MethodNode method, String reason) {
        String message = "jcoro cannot instrument " + reason;
        log.refused(message);
        RefusalCode.replaceBody(method, message);
    }

    /**
     * Frames for one method; a method that grew too large, needs an unknown class or trips the
     * frame computation is refused on its own (its throwing body needs no frames).
     */
    private MethodNode withFrames(ClassNode owner, MethodNode method, ClassInfoRepository repository) {
        String problem;
        try {
            return FrameComputer.compute(owner, method, repository);
        } catch (MethodTooLargeException e) {
            problem = "the instrumented method would have " + e.getCodeSize()
                    + " bytes of code, over the JVM's 64 KB limit; split it into smaller methods";
        } catch (MissingClassException e) {
            // FrameComputer's getCommonSuperClass asks the repository, so ASM's
            // TypeNotPresentException (from loading classes) cannot occur.
            problem = e.getMessage();
        } catch (RuntimeException bug) {
            problem = "internal error computing stack frames: " + bug;
        }
        refuse(method, where(owner, method) + ": " + problem);
        return FrameComputer.compute(owner, method, repository);
    }

    /** Copies the class, replacing the changed methods; the others are copied byte for byte. */
    private static byte[] write(ClassReader reader, Map<String, MethodNode> replacements) {
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor,
                                             String signature, String[] exceptions) {
                MethodNode replacement = replacements.get(name + descriptor);
                if (replacement != null) {
                    replacement.accept(cv);
                    return null;
                }
                return super.visitMethod(access, name, descriptor, signature, exceptions);
            }
        }, 0);
        return writer.toByteArray();
    }
}
