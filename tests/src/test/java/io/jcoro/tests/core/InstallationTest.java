package io.jcoro.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Generator;
import io.jcoro.core.Jcoro;
import io.jcoro.core.Woven;
import io.jcoro.tests.Drain;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The suite runs three ways: with {@code -javaagent}; with no agent flag, where the first use of
 * Generator attaches the agent and re-transforms the classes already loaded (this test class
 * among them: its lambdas below were loaded before the agent and still suspend); and woven at
 * build time by jcoro-maven-plugin, with no agent on the class path, where nothing attaches.
 */
class InstallationTest {

    @Test
    void theAgentIsActiveInTheExpectedWay() {
        assertEquals(List.of(1, 2), Drain.all(Generator.of(() -> {
            Co.yield(1);
            Co.yield(2);
        })));
        boolean flag = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-javaagent:"));
        String mode = System.getProperty("jcoro.expectedMode", "javaagent");
        assertEquals(mode.equals("javaagent"), flag, "running as " + mode);
        assertEquals(mode.equals("woven"), Jcoro.isWoven(InstallationTest.class), "running as " + mode);
        if (mode.equals("woven")) {
            assertFalse(Jcoro.isInstalled(), "a woven program attaches no agent");
            assertEquals(Jcoro.CONTRACT_VERSION, InstallationTest.class.getAnnotation(Woven.class).contract());
            // Nothing to attach with: the agent is not on this run's class path.
            assertThrows(IllegalStateException.class, Jcoro::install);
        } else {
            assertTrue(Jcoro.isInstalled());
            Jcoro.install();
            Jcoro.install();
        }
    }
}
