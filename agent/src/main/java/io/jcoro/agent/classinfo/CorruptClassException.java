package io.jcoro.agent.classinfo;

/** The bytes a class loader serves for a class the instrumenter needs are not a valid class file. */
public final class CorruptClassException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptClassException(String internalName, RuntimeException cause) {
        super("the class file of " + internalName.replace('/', '.') + " served by its class loader cannot be read ("
                + cause + ")", cause);
    }
}
