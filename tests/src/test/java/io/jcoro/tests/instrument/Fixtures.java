package io.jcoro.tests.instrument;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;

/** Coroutine methods in another class, for cross-class calls and method references. */
final class Fixtures {
    private Fixtures() {
    }

    @Coroutine
    static void staticBody() {
        Co.yield("static fixture");
    }

    static void notACoroutine() {
        System.out.println("never runs");
    }

    static final class Counter {
        private final int limit;

        Counter(int limit) {
            this.limit = limit;
        }

        @Coroutine
        void countUp() {
            for (int i = 1; i <= limit; i++) {
                Co.yield(i);
            }
        }
    }
}
