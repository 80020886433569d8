package io.jcoro.agent.identify;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.common.WovenMarker;
import io.jcoro.agent.contract.RuntimeNames;
import java.nio.charset.StandardCharsets;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;

/**
 * Decides cheaply, before any full parse, whether a class could need instrumentation. Most
 * classes an application loads do not; they must pass through untouched and fast.
 *
 * <p>A class woven at build time ({@link WovenMarker}) is never a candidate. Otherwise it is one if its bytes name the annotation, {@code Co} or a coroutine
 * functional interface, or if it could override a coroutine method (a non-JDK
 * supertype has one), or if it creates lambdas of a non-JDK functional interface that has a
 * coroutine method of the lambda's name. The first test is a byte search; the others read only
 * the constant pool and ask the {@link ClassInfoRepository}, which reads supertypes once.
 */
public final class Prefilter {
    /** A prefix of Co, Coroutine, CoRunnable and CoSupplier: any use of the API names one. */
    private static final byte[] MARKER = "io/jcoro/core/Co".getBytes(StandardCharsets.US_ASCII);
    private static final int CONSTANT_INVOKE_DYNAMIC = 18;

    private Prefilter() {
    }

    /**
     * @param bytes a class file
     * @param repository the oracle of the class's loader
     * @return false only if the class certainly needs no instrumentation
     */
    public static boolean isCandidate(byte[] bytes, ClassInfoRepository repository) {
        // Woven at build time: instrumenting it again would break it. Asked last, so that the
        // many classes ruled out anyway cost no second scan.
        return mayNeedInstrumenting(bytes, repository) && !WovenMarker.isWoven(bytes);
    }

    private static boolean mayNeedInstrumenting(byte[] bytes, ClassInfoRepository repository) {
        if (contains(bytes, MARKER)) {
            return true;
        }
        ClassReader reader = new ClassReader(bytes);
        if (mayOverrideCoroutine(reader, repository)) {
            return true;
        }
        return createsCoroutineLambda(reader, bytes, repository);
    }

    private static boolean mayOverrideCoroutine(ClassReader reader, ClassInfoRepository repository) {
        String superName = reader.getSuperName();
        if (superName != null && !repository.coroutineMethods(superName).isEmpty()) {
            return true;
        }
        for (String i : reader.getInterfaces()) {
            if (!repository.coroutineMethods(i).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean createsCoroutineLambda(ClassReader reader, byte[] bytes,
                                                  ClassInfoRepository repository) {
        char[] buffer = null;
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0 || bytes[offset - 1] != CONSTANT_INVOKE_DYNAMIC) {
                continue;
            }
            if (buffer == null) {
                buffer = new char[reader.getMaxStringLength()];
            }
            int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
            String name = reader.readUTF8(nameAndType, buffer);
            Type returned = Type.getReturnType(reader.readUTF8(nameAndType + 2, buffer));
            if (returned.getSort() != Type.OBJECT) {
                continue;
            }
            for (String m : repository.coroutineMethods(returned.getInternalName())) {
                if (m.startsWith(name) && m.charAt(name.length()) == '(') {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
