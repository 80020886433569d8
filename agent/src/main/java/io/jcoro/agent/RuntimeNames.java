package io.jcoro.agent;

/**
 * The runtime's names as the instrumenter sees them: internal names and descriptors of the
 * classes and calls that generated code refers to. Kept as strings so that the agent never
 * loads runtime classes.
 */
public final class RuntimeNames {
    public static final String CORE_PACKAGE = "io/jcoro/core/";
    public static final String AGENT_PACKAGE = "io/jcoro/agent/";

    public static final String COROUTINE_ANNOTATION = "Lio/jcoro/core/Coroutine;";
    public static final String CO = "io/jcoro/core/Co";
    public static final String FRAMES = "io/jcoro/core/Frames";
    public static final String CONTINUATION = "io/jcoro/core/Continuation";
    public static final String CONTINUATION_DESC = "Lio/jcoro/core/Continuation;";
    public static final String NOT_INSTRUMENTED = "io/jcoro/core/NotInstrumentedException";

    /**
     * The version of the contract between generated code and the runtime: the names and
     * descriptors above and the stamps below. Raised whenever generated code changes what it
     * calls; must equal {@code Jcoro.CONTRACT_VERSION} in the runtime (a test checks they agree).
     */
    public static final int CONTRACT_VERSION = 1;
    /** The class annotation build-time weaving adds: {@code @io.jcoro.core.Woven(contract = N)}. */
    public static final String WOVEN_ANNOTATION = "Lio/jcoro/core/Woven;";
    /** The system property the agent sets when it starts (Jcoro.INSTALLED_PROPERTY). */
    public static final String INSTALLED_PROPERTY = "jcoro.agent.installed";

    /** The stamp a generator writes before calling its body (Frames.BODY). */
    public static final int BODY_STAMP = 1;
    /** The stamp bit that tells the callee to restore itself (Frames.RESTORE). */
    public static final int RESTORE_STAMP = Integer.MIN_VALUE;

    private RuntimeNames() {
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
