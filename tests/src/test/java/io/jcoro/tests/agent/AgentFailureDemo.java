package io.jcoro.tests.agent;

import io.jcoro.core.Co;
import io.jcoro.core.CoRunnable;
import io.jcoro.core.Generator;
import io.jcoro.core.NotInstrumentedException;
import java.util.Set;

/**
 * Run by {@link AgentFailureTest} in a JVM of its own under {@code -javaagent}: loads classes the
 * agent cannot fully transform and reports on standard output what calling them does; the
 * agent's log lines go to standard error.
 */
public final class AgentFailureDemo {
    private AgentFailureDemo() {
    }

    private static void call(String label, CoRunnable body) {
        try {
            System.out.println(label + ": " + Generator.of(body).next());
        } catch (NotInstrumentedException e) {
            System.out.println(label + ": NotInstrumentedException " + e.getMessage());
        }
    }

    /**
     * @param args unused
     * @throws Exception if the demo itself fails
     */
    public static void main(String[] args) throws Exception {
        Co.class.getName();
        BrokenClassPath holderPath = new BrokenClassPath(BrokenClassPath.HOLDER, Set.of("gen/HiddenB"), Set.of());
        Class<?> holder = holderPath.loadClass("gen.Holder");
        call("good", BrokenClassPath.body(holder, "good"));
        call("needsHidden", BrokenClassPath.body(holder, "needsHidden"));
        BrokenClassPath subPath = new BrokenClassPath(BrokenClassPath.SUB, Set.of(), Set.of("gen/Base"));
        Class<?> sub = subPath.loadClass("gen.Sub");
        System.out.println("sub loaded");
        call("sub.run", BrokenClassPath.body(sub));
    }
}
