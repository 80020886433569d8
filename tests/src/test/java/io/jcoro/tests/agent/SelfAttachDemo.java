package io.jcoro.tests.agent;

import io.jcoro.core.Co;
import io.jcoro.core.Generator;

/**
 * Run in a child JVM without an agent flag: the first use of Generator attaches the agent while
 * {@code main} runs. Prints a stack trace from each place, for {@link SelfAttachTest}.
 */
public final class SelfAttachDemo {
    private SelfAttachDemo() {
    }

    public static void main(String[] args) {
        trace("before");
        Coroutines.run();
        trace("after");
        Coroutines.run();
    }

    static void trace(String label) {
        StringBuilder line = new StringBuilder(label);
        StackTraceElement[] frames = new Throwable().getStackTrace();
        for (int i = 1; i < frames.length; i++) {
            line.append(i == 1 ? " " : " <- ").append(frames[i]);
        }
        System.out.println(line);
    }

    /** The class with coroutine code, re-transformed at the attach. */
    static final class Coroutines {
        private Coroutines() {
        }

        static void run() {
            for (Object v : Generator.of(() -> Co.yield(1))) {
                trace("yielded " + v);
            }
        }
    }
}
