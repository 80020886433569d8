package io.jcoro.tests.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.agent.contract.RuntimeNames;
import io.jcoro.core.Jcoro;
import io.jcoro.core.Woven;
import org.junit.jupiter.api.Test;

/** The agent and the runtime name the same contract version, mark and property. */
class ContractVersionTest {

    @Test
    void theAgentAndTheRuntimeAgree() {
        assertEquals(Jcoro.CONTRACT_VERSION, RuntimeNames.CONTRACT_VERSION);
        assertEquals("L" + Woven.class.getName().replace('.', '/') + ";", RuntimeNames.WOVEN_ANNOTATION);
        assertEquals(Jcoro.INSTALLED_PROPERTY, RuntimeNames.INSTALLED_PROPERTY);
        assertEquals(Jcoro.CONTRACT_MISMATCH_PROPERTY, RuntimeNames.CONTRACT_MISMATCH_PROPERTY);
    }
}
