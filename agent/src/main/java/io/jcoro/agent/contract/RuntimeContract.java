package io.jcoro.agent.contract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The agent's side of the contract check: which contract the runtime a class loader sees
 * implements, read from the class file of {@code io.jcoro.core.internal.Contract} (its
 * {@code VERSION} constant) through that loader, never by loading a class. Asked once per loader;
 * a loader whose runtime implements another contract gets its classes left as they are, with
 * one {@code [jcoro]} line naming both versions, so a coroutine fails with the runtime's
 * {@code NotInstrumentedException} rather than a linkage error in user code. The same words go
 * into the system property {@link RuntimeNames#CONTRACT_MISMATCH_PROPERTY}, which that exception
 * then carries as its message.
 */
public final class RuntimeContract {
    private static final String CONTRACT_FILE = RuntimeNames.CONTRACT + ".class";
    /** The runtime class that every version has, to tell an old runtime from no runtime. */
    private static final String JCORO_FILE = RuntimeNames.CORE_PACKAGE + "Jcoro.class";

    /** Per loader: null if the contract matches (or no runtime is visible), else the message. */
    private final Map<ClassLoader, String> verdicts = new WeakHashMap<>();

    /**
     * @param loader the loader of a class about to be instrumented
     * @param report told the mismatch once, when this loader is first judged
     * @return null if the classes of this loader may be instrumented, else why not (naming both
     *         contract versions and what to align); judged once per loader
     */
    public synchronized String mismatch(ClassLoader loader, Consumer<String> report) {
        if (verdicts.containsKey(loader)) {
            return verdicts.get(loader);
        }
        String verdict = judge(loader);
        verdicts.put(loader, verdict);
        if (verdict != null) {
            System.setProperty(RuntimeNames.CONTRACT_MISMATCH_PROPERTY, verdict);
            report.accept(verdict);
        }
        return verdict;
    }

    private static String judge(ClassLoader loader) {
        Integer version;
        try {
            version = versionSeenBy(loader);
        } catch (IOException | RuntimeException e) {
            return "cannot read the jcoro runtime's contract version through " + loader + ": " + e;
        }
        if (version == null) {
            return loader.getResource(JCORO_FILE) == null ? null
                    : message("an earlier contract than " + RuntimeNames.CONTRACT_VERSION
                            + " (it has no " + RuntimeNames.CONTRACT.replace('/', '.') + ")");
        }
        return version == RuntimeNames.CONTRACT_VERSION ? null : message("contract " + version);
    }

    private static String message(String runtime) {
        return "this jcoro agent implements contract " + RuntimeNames.CONTRACT_VERSION
                + ", but the jcoro-runtime on the class path implements " + runtime
                + ": classes are left uninstrumented; use the jcoro-agent of the runtime's version"
                + " (or the runtime of the agent's: both must be of one jcoro release)";
    }

    /**
     * @param loader a class loader
     * @return the {@code VERSION} of the {@code Contract} class it sees, or null if it sees none
     * @throws IOException if the class file cannot be read
     */
    static Integer versionSeenBy(ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(CONTRACT_FILE)) {
            return in == null ? null : version(in.readAllBytes());
        }
    }

    /**
     * @param contractClass the class file of {@code Contract}
     * @return the value of its {@code VERSION} constant, or null if it has none
     */
    public static Integer version(byte[] contractClass) {
        Integer[] found = new Integer[1];
        new ClassReader(contractClass).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                if (name.equals(RuntimeNames.CONTRACT_VERSION_FIELD) && value instanceof Integer) {
                    found[0] = (Integer) value;
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }
}
