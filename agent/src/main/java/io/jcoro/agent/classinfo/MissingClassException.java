package io.jcoro.agent.classinfo;

/** The bytes of a class the instrumenter needs could not be found through the class loader. */
public final class MissingClassException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingClassException(String internalName) {
        super("cannot read the class file of " + internalName.replace('/', '.')
                + " through its class loader, which is needed to compute stack frames");
    }
}
