package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.CoRunnable;
import io.jcoro.core.CoSupplier;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.NotInstrumentedException;
import io.jcoro.tests.Drain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lambdas and method references of coroutine functional interfaces need no annotation. */
class LambdaBodiesTest {
    private final String prefix = "p";

    @Coroutine
    void instanceBody() {
        Co.yield(prefix + "-instance");
    }

    static void unannotatedSameClassTarget() {
        Co.yield("same-class method reference");
    }

    @Test
    void capturingLambdas() {
        int base = 40;
        String word = "w";
        Generator<Object> g = Generator.of(() -> {
            for (int i = 0; i < 2; i++) {
                Co.yield(word + (base + i) + prefix);
            }
        });
        assertEquals(List.of("w40p", "w41p"), Drain.all(g));
    }

    @Test
    void methodReferences() {
        assertEquals(List.of("p-instance"), Drain.all(Generator.of(this::instanceBody)));
        assertEquals(List.of("same-class method reference"),
                Drain.all(Generator.of(LambdaBodiesTest::unannotatedSameClassTarget)));
        Fixtures.Counter counter = new Fixtures.Counter(3);
        assertEquals(List.of(1, 2, 3), Drain.all(Generator.of(counter::countUp)));
        assertEquals(List.of("static fixture"), Drain.all(Generator.of(Fixtures::staticBody)));
    }

    @Test
    void crossClassMethodReferenceToANonCoroutineIsRefusedWhereItIsCreated() {
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class,
                () -> Generator.of(Fixtures::notACoroutine));
        assertTrue(e.getMessage().contains("Fixtures::notACoroutine"), e.getMessage());
        assertTrue(e.getMessage().contains("LambdaBodiesTest"), e.getMessage());
    }

    @Test
    void supplierBodiesReturnValues() {
        CoSupplier<String> body = () -> {
            String got = Co.yield("ask");
            return "answer to " + got;
        };
        Generator<String> g = Generator.returning(body);
        assertEquals("ask", g.next());
        assertThrows(io.jcoro.core.StopIteration.class, () -> g.send("q"));
        assertEquals("answer to q", g.returnValue());
    }

    /** A functional interface of the user's own, made a coroutine type by its annotation. */
    interface Step {
        @Coroutine
        int apply(int x);
    }

    @Coroutine
    static int applyTwice(Step step, int x) {
        return step.apply(step.apply(x));
    }

    @Test
    void userFunctionalInterfaceLambdasSuspendWhenCalledFromACoroutine() {
        Step noisyDouble = x -> {
            Co.yield("doubling " + x);
            return 2 * x;
        };
        Generator<Object> g = Generator.returning(() -> applyTwice(noisyDouble, 5));
        assertEquals(List.of("doubling 5", "doubling 10"), Drain.all(g));
        assertEquals(20, (int) g.returnValue());
    }

    @Test
    void nestedLambdasAndGeneratorsCreatedInsideBodies() {
        Generator<Object> outer = Generator.of(() -> {
            CoRunnable inner = () -> Co.yield("inner body");
            Generator<Object> g = Generator.of(inner);
            Co.yield("outer sees " + g.next());
            Co.yield("outer again");
        });
        assertEquals(List.of("outer sees inner body", "outer again"), Drain.all(outer));
    }

    @Test
    void coRunnableCalledDirectlyFromACoroutineSuspends() {
        CoRunnable part = () -> {
            Co.yield(1);
            Co.yield(2);
        };
        Generator<Object> g = Generator.of(() -> {
            part.run();
            part.run();
        });
        assertEquals(List.of(1, 2, 1, 2), Drain.all(g));
    }
}
