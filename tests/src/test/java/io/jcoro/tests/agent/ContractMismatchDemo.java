package io.jcoro.tests.agent;

import io.jcoro.core.NotInstrumentedException;

/**
 * Run by {@link ContractMismatchTest} in a JVM of its own, under {@code -javaagent} with a runtime
 * whose contract differs from the agent's: prints what running a coroutine does.
 */
public final class ContractMismatchDemo {
    private ContractMismatchDemo() {
    }

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        try {
            System.out.println("first: " + ContractFixture.first());
        } catch (NotInstrumentedException e) {
            System.out.println("NotInstrumentedException: " + e.getMessage());
        }
    }
}
