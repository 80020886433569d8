package io.jcoro.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Generator;
import io.jcoro.core.Jcoro;
import io.jcoro.tests.Drain;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The suite runs twice: with {@code -javaagent}, and with no agent flag, where the first use of
 * Generator attaches the agent and re-transforms the classes already loaded (this test class
 * among them: its lambdas below were loaded before the agent and still suspend).
 */
class InstallationTest {

    @Test
    void theAgentIsActiveInTheExpectedWay() {
        assertEquals(List.of(1, 2), Drain.all(Generator.of(() -> {
            Co.yield(1);
            Co.yield(2);
        })));
        assertTrue(Jcoro.isInstalled());
        boolean flag = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-javaagent:"));
        String mode = System.getProperty("jcoro.expectedMode", "javaagent");
        assertEquals(mode.equals("javaagent"), flag, "running as " + mode);
        Jcoro.install();
        Jcoro.install();
    }
}
