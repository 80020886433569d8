package io.jcoro.core.internal;

/**
 * The version of the contract between generated code and this runtime, and the check that woven
 * code runs against the runtime it was woven for.
 *
 * <p>This class alone is frozen across versions: its name, {@link #VERSION} (a compile-time
 * constant, so the agent reads it from the class file without loading the class) and
 * {@link #require(int, String)} never change, so that code woven by any jcoro meets a runtime of
 * any other with one clear message rather than a {@link NoSuchMethodError} in user code.
 * Everything else in this package may change whenever {@link #VERSION} does.
 */
public final class Contract {
    /**
     * The contract version: raised whenever generated code changes what it calls in this package
     * or what those calls mean. Equal to {@code RuntimeNames.CONTRACT_VERSION} in the agent.
     */
    public static final int VERSION = 3;

    private Contract() {
    }

    /**
     * Called first in the static initializer of every class that build-time weaving instrumented,
     * so the class refuses to initialize, at its first use, against a runtime of another contract.
     *
     * @param version the contract the class was woven for
     * @param className the class's internal name ({@code com/example/Walker})
     * @throws LinkageError if {@code version} is not this runtime's: it names both versions and
     *                      what to align
     */
    public static void require(int version, String className) {
        if (version != VERSION) {
            throw new LinkageError(mismatch(version, className));
        }
    }

    /**
     * @param version the contract a class was woven for
     * @param className its internal name
     * @return the message for a class woven for another contract
     */
    static String mismatch(int version, String className) {
        return className.replace('/', '.') + " was woven by jcoro for contract " + version
                + ", but this jcoro-runtime implements contract " + VERSION + ": weave it again with the"
                + " jcoro-maven-plugin (or jcoro-agent) of this runtime's version, or run it with the"
                + " jcoro-runtime of the weaver's version (runtime and weaver must be of one jcoro release)";
    }
}
