package io.jcoro.tests.agent;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;

/**
 * A small coroutine class for {@link ContractMismatchTest}: its woven copy, with the contract it
 * was woven for edited, meets the runtime; {@link ContractMismatchDemo} runs it under an agent
 * whose runtime implements another contract.
 */
public final class ContractFixture {
    private ContractFixture() {
    }

    @Coroutine
    static void countTo(int n) {
        for (int i = 1; i <= n; i++) {
            Co.yield(i);
        }
    }

    /**
     * @return the first value of a generator counting to 3
     */
    public static Object first() {
        return Generator.of(() -> countTo(3)).next();
    }
}
