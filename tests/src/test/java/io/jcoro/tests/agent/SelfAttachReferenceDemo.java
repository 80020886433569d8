package io.jcoro.tests.agent;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;

/**
 * Run in a child JVM without an agent flag, for {@link SelfAttachTest}: {@code main} makes a
 * method reference to a coroutine of another class, and the first use of Generator attaches the
 * agent while {@code main} runs. {@code main} goes on in its old code, so the call that
 * announces the reference to the runtime never runs; the agent's record of the link must serve.
 */
public final class SelfAttachReferenceDemo {
    private SelfAttachReferenceDemo() {
    }

    /** A user functional interface whose method is a coroutine. */
    @FunctionalInterface
    interface Step<A, R> {
        @Coroutine
        R apply(A a);
    }

    /** Another class: its coroutine is reached through the JVM's adapter. */
    static final class Greeter {
        private final String name;

        Greeter(String name) {
            this.name = name;
        }

        @Coroutine
        String greet() {
            Co.yield("hello " + name);
            return "bye " + name;
        }
    }

    public static void main(String[] args) {
        Step<Greeter, String> step = Greeter::greet;
        Generator<String> g = Generator.returning(() -> step.apply(new Greeter("ann")));
        for (String s : g) {
            System.out.println(s);
        }
        System.out.println(g.returnValue(String.class));
    }
}
