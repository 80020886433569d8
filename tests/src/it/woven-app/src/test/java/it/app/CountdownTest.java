package it.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.Jcoro;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountdownTest {
    @Coroutine
    static void twice(String s) {
        Co.yield(s);
        Co.yield(s + s);
    }

    @Test
    void theWovenApplicationRunsWithoutAnAgent() {
        assertEquals(List.of(3, 2, 1), Countdown.from(3));
        assertFalse(Jcoro.isInstalled(), "no agent in this JVM");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.jcoro.agent.JcoroAgent"),
                "the agent is not even on the class path");
        assertTrue(Jcoro.isWoven(Countdown.class));
    }

    @Test
    void theTestClassesAreWovenToo() {
        assertEquals(List.of("a", "aa"), Generator.<String>of(() -> twice("a")).stream().toList());
        assertTrue(Jcoro.isWoven(CountdownTest.class));
    }
}
