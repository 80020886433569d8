package io.jcoro.agent.contract;

import java.util.List;

/**
 * The runtime's names as the instrumenter sees them, and the one catalogue of what generated code
 * may call: internal names and descriptors of the classes, methods and constructors it refers to.
 * Kept as strings so that the agent never loads runtime classes. A leaf package: every stage of
 * the instrumenter and every front-end imports it, and it imports nothing of theirs.
 *
 * <p>The contract: everything generated code names lives in {@link #INTERNAL_PACKAGE} (and
 * {@link #NOT_INSTRUMENTED}, the exception a refused method throws), is listed in {@link #CALLS},
 * and is versioned by {@link #CONTRACT_VERSION}. A test in {@code tests/} checks every entry
 * against the runtime by reflection (the class exists, the method is public static with exactly
 * that descriptor) and that the woven classes call nothing in the internal package that is not
 * listed here.
 */
public final class RuntimeNames {
    public static final String CORE_PACKAGE = "io/jcoro/core/";
    /** The runtime package generated code calls into, which is not API. */
    public static final String INTERNAL_PACKAGE = "io/jcoro/core/internal/";
    public static final String AGENT_PACKAGE = "io/jcoro/agent/";

    public static final String COROUTINE_ANNOTATION = "Lio/jcoro/core/Coroutine;";
    public static final String CO = "io/jcoro/core/Co";
    public static final String FRAMES = INTERNAL_PACKAGE + "Frames";
    public static final String CONTINUATION = INTERNAL_PACKAGE + "Continuation";
    public static final String CONTINUATION_DESC = "L" + CONTINUATION + ";";
    public static final String NOT_INSTRUMENTED = "io/jcoro/core/NotInstrumentedException";
    /**
     * The class whose name, {@code VERSION} field and {@code require} method never change across
     * versions: the agent reads {@code VERSION} from its class file, woven classes call
     * {@code require} first thing when they initialize.
     */
    public static final String CONTRACT = INTERNAL_PACKAGE + "Contract";
    /** {@code Contract.VERSION}: a compile-time constant, so its class file holds its value. */
    public static final String CONTRACT_VERSION_FIELD = "VERSION";

    /**
     * The version of the contract between generated code and the runtime: the names and
     * descriptors in {@link #CALLS} and the stamps below. Raised whenever generated code changes
     * what it calls; must equal {@code Contract.VERSION} (and {@code Jcoro.CONTRACT_VERSION}) in
     * the runtime (a test checks they agree). Version 2: the entry points moved to
     * {@code io.jcoro.core.internal}, woven classes check the contract when they initialize.
     */
    public static final int CONTRACT_VERSION = 2;
    /** The class annotation build-time weaving adds: {@code @io.jcoro.core.Woven(contract = N)}. */
    public static final String WOVEN_ANNOTATION = "Lio/jcoro/core/Woven;";
    /** The system property the agent sets when it starts (Jcoro.INSTALLED_PROPERTY). */
    public static final String INSTALLED_PROPERTY = "jcoro.agent.installed";
    /** The system property the agent sets on a contract mismatch (Jcoro.CONTRACT_MISMATCH_PROPERTY). */
    public static final String CONTRACT_MISMATCH_PROPERTY = "jcoro.agent.contractMismatch";

    /** The stamp a generator writes before calling its body (Frames.BODY). */
    public static final int BODY_STAMP = 1;
    /** The stamp bit that tells the callee to restore itself (Frames.RESTORE). */
    public static final int RESTORE_STAMP = Integer.MIN_VALUE;

    /**
     * One method or constructor of the runtime that generated code invokes.
     *
     * @param owner the internal name of its class
     * @param name the method name, {@code <init>} for a constructor
     * @param descriptor its exact descriptor
     */
    public record Call(String owner, String name, String descriptor) {
        /** @return whether generated code calls it with {@code invokestatic} */
        public boolean isStatic() {
            return !name.equals("<init>");
        }

        @Override
        public String toString() {
            return owner.replace('/', '.') + "." + name + descriptor;
        }
    }

    private static final String C = CONTINUATION_DESC;
    private static final String OBJECT = "Ljava/lang/Object;";

    /**
     * Every call generated code makes into the runtime, with its exact descriptor: the whole
     * contract besides the stamps. The generators in {@code io.jcoro.agent.generate} emit these
     * and nothing else.
     */
    public static final List<Call> CALLS = List.of(
            // entry and the handshake
            frames("enter", "()" + C),
            frames("takeStamp", "(" + C + ")I"),
            frames("clearStamp", "()V"),
            frames("stamp", "(" + C + "I)V"),
            frames("isSuspending", "(" + C + ")Z"),
            frames("linkReference", "(II)V"),
            // suspension points
            frames("yieldValue", "(" + OBJECT + C + ")" + OBJECT),
            frames("yieldFrom", "(" + OBJECT + C + ")" + OBJECT),
            frames("resumeValue", "(" + C + ")" + OBJECT),
            // capture
            frames("reserve", "(" + C + "I)V"),
            frames("reserve", "(" + C + "II)V"),
            frames("pushInt", "(I" + C + ")V"),
            frames("pushLong", "(J" + C + ")V"),
            frames("pushFloat", "(F" + C + ")V"),
            frames("pushDouble", "(D" + C + ")V"),
            frames("pushRef", "(" + OBJECT + C + ")V"),
            frames("endCapture", "(" + C + "IIILjava/lang/String;)V"),
            frames("recover", "(" + C + ")Z"),
            // restore
            frames("beginRestore", "(" + C + ")I"),
            frames("popInt", "(" + C + ")I"),
            frames("popLong", "(" + C + ")J"),
            frames("popFloat", "(" + C + ")F"),
            frames("popDouble", "(" + C + ")D"),
            frames("popRef", "(" + C + ")" + OBJECT),
            frames("badResumeIndex", "(" + C + "I)Ljava/lang/IllegalStateException;"),
            // a refused method's body; the contract check in a woven class's static initializer
            new Call(NOT_INSTRUMENTED, "<init>", "(Ljava/lang/String;)V"),
            new Call(CONTRACT, "require", "(ILjava/lang/String;)V"));

    private RuntimeNames() {
    }

    private static Call frames(String name, String descriptor) {
        return new Call(FRAMES, name, descriptor);
    }

    /**
     * The id a call site announces for its callee; must equal {@code Frames.methodId} in the
     * runtime (a test checks they agree).
     *
     * @param name method name
     * @param descriptor method descriptor
     * @return the id, never 0, {@link #BODY_STAMP} or negative
     */
    public static int methodId(String name, String descriptor) {
        int h = (name + descriptor).hashCode() & ~RESTORE_STAMP;
        return h == 0 || h == BODY_STAMP ? 2 : h;
    }

    /**
     * @param internalName a class's internal name
     * @return whether it is jcoro's own (runtime or agent), which is never instrumented
     */
    public static boolean isJcoro(String internalName) {
        return internalName.startsWith(CORE_PACKAGE) || internalName.startsWith(AGENT_PACKAGE);
    }

    /**
     * @param internalName a class's internal name
     * @return whether it belongs to the JDK, which never holds coroutines
     */
    public static boolean isJdk(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/")
                || internalName.startsWith("jdk/") || internalName.startsWith("sun/")
                || internalName.startsWith("com/sun/");
    }
}
