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
    /** The primitive generators, whose static {@code yield} is an intrinsic as {@code Co.yield} is. */
    public static final String INT_GENERATOR = "io/jcoro/primitive/IntGenerator";
    public static final String LONG_GENERATOR = "io/jcoro/primitive/LongGenerator";
    public static final String DOUBLE_GENERATOR = "io/jcoro/primitive/DoubleGenerator";
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
     * Version 3: a capture passes its frame label's id, an int constant the class gets from a
     * bootstrap ({@link #FRAME_LABEL}, or {@link #FRAME_LABEL_SITE} before Java 11), in place of
     * the label itself; {@code IntGenerator}, {@code LongGenerator} and {@code DoubleGenerator}'s
     * {@code yield} are intrinsics ({@link #YIELD_INT}, {@link #YIELD_LONG}, {@link #YIELD_DOUBLE}).
     */
    public static final int CONTRACT_VERSION = 3;
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

    // Every call generated code makes into the runtime, with its exact descriptor: the generators
    // in io.jcoro.agent.generate emit these constants and nothing else.
    // entry and the handshake
    public static final Call ENTER = frames("enter", "()" + C);
    public static final Call TAKE_STAMP = frames("takeStamp", "(" + C + ")I");
    public static final Call CLEAR_STAMP = frames("clearStamp", "()V");
    public static final Call STAMP = frames("stamp", "(" + C + "I)V");
    public static final Call IS_SUSPENDING = frames("isSuspending", "(" + C + ")Z");
    public static final Call LINK_REFERENCE = frames("linkReference", "(II)V");
    // suspension points
    public static final Call YIELD_VALUE = frames("yieldValue", "(" + OBJECT + C + ")" + OBJECT);
    public static final Call YIELD_INT = frames("yieldInt", "(I" + C + ")" + OBJECT);
    public static final Call YIELD_LONG = frames("yieldLong", "(J" + C + ")" + OBJECT);
    public static final Call YIELD_DOUBLE = frames("yieldDouble", "(D" + C + ")" + OBJECT);
    public static final Call YIELD_FROM = frames("yieldFrom", "(" + OBJECT + C + ")" + OBJECT);
    public static final Call RESUME_VALUE = frames("resumeValue", "(" + C + ")" + OBJECT);
    // capture
    public static final Call RESERVE = frames("reserve", "(" + C + "I)V");
    public static final Call RESERVE_WITH_REFS = frames("reserve", "(" + C + "II)V");
    public static final Call PUSH_INT = frames("pushInt", "(I" + C + ")V");
    public static final Call PUSH_LONG = frames("pushLong", "(J" + C + ")V");
    public static final Call PUSH_FLOAT = frames("pushFloat", "(F" + C + ")V");
    public static final Call PUSH_DOUBLE = frames("pushDouble", "(D" + C + ")V");
    public static final Call PUSH_REF = frames("pushRef", "(" + OBJECT + C + ")V");
    public static final Call END_CAPTURE = frames("endCapture", "(" + C + "IIII)V");
    /** The bootstrap of the dynamic constant that numbers a frame label (class files of Java 11+). */
    public static final Call FRAME_LABEL = frames("frameLabel",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/String;)"
                    + "Ljava/lang/Integer;");
    /** The bootstrap of the {@code invokedynamic} that does the same in class files of Java 7 to 10. */
    public static final Call FRAME_LABEL_SITE = frames("frameLabelSite",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "Ljava/lang/String;)Ljava/lang/invoke/CallSite;");
    public static final Call RECOVER = frames("recover", "(" + C + ")Z");
    // restore
    public static final Call BEGIN_RESTORE = frames("beginRestore", "(" + C + ")I");
    public static final Call POP_INT = frames("popInt", "(" + C + ")I");
    public static final Call POP_LONG = frames("popLong", "(" + C + ")J");
    public static final Call POP_FLOAT = frames("popFloat", "(" + C + ")F");
    public static final Call POP_DOUBLE = frames("popDouble", "(" + C + ")D");
    public static final Call POP_REF = frames("popRef", "(" + C + ")" + OBJECT);
    public static final Call BAD_RESUME_INDEX =
            frames("badResumeIndex", "(" + C + "I)Ljava/lang/IllegalStateException;");
    // a refused method's body; the contract check in a woven class's static initializer
    public static final Call NOT_INSTRUMENTED_INIT = new Call(NOT_INSTRUMENTED, "<init>", "(Ljava/lang/String;)V");
    public static final Call CONTRACT_REQUIRE = new Call(CONTRACT, "require", "(ILjava/lang/String;)V");

    /** The calls above, the whole contract besides the stamps. */
    public static final List<Call> CALLS = List.of(
            ENTER, TAKE_STAMP, CLEAR_STAMP, STAMP, IS_SUSPENDING, LINK_REFERENCE,
            YIELD_VALUE, YIELD_INT, YIELD_LONG, YIELD_DOUBLE, YIELD_FROM, RESUME_VALUE,
            RESERVE, RESERVE_WITH_REFS, PUSH_INT, PUSH_LONG, PUSH_FLOAT, PUSH_DOUBLE, PUSH_REF,
            END_CAPTURE, FRAME_LABEL, FRAME_LABEL_SITE, RECOVER,
            BEGIN_RESTORE, POP_INT, POP_LONG, POP_FLOAT, POP_DOUBLE, POP_REF, BAD_RESUME_INDEX,
            NOT_INSTRUMENTED_INIT, CONTRACT_REQUIRE);

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
