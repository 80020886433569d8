package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.tests.Drain;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Loops, labelled break/continue and every switch form, with suspensions inside. */
class ControlFlowTest {

    @Test
    void loopsOfEveryKind() {
        Generator<Object> g = Generator.of(() -> {
            for (int i = 0; i < 2; i++) {
                Co.yield("for " + i);
            }
            int j = 0;
            while (j < 2) {
                Co.yield("while " + j++);
            }
            int k = 0;
            do {
                Co.yield("do " + k);
            } while (++k < 2);
            for (String s : List.of("x", "y")) {
                Co.yield("each " + s);
            }
        });
        assertEquals(List.of("for 0", "for 1", "while 0", "while 1", "do 0", "do 1", "each x", "each y"),
                Drain.all(g));
    }

    @Test
    void labelledBreakAndContinue() {
        Generator<Object> g = Generator.of(() -> {
            outer:
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    if (j == 2) {
                        continue outer;
                    }
                    if (i == 2) {
                        break outer;
                    }
                    Co.yield(i + "" + j);
                }
            }
            Co.yield("end");
        });
        assertEquals(List.of("00", "01", "10", "11", "end"), Drain.all(g));
    }

    enum Color { RED, GREEN, BLUE }

    @Coroutine
    static void switches(int dense, int sparse, String text, Color color) {
        switch (dense) {
            case 0: Co.yield("dense zero"); break;
            case 1: Co.yield("dense one"); // fall through
            case 2: Co.yield("dense two"); break;
            default: Co.yield("dense other");
        }
        switch (sparse) {
            case -1000: Co.yield("sparse low"); break;
            case 1_000_000: Co.yield("sparse high"); break;
            default: Co.yield("sparse other");
        }
        switch (text) {
            case "alpha": Co.yield("text alpha"); break;
            case "beta": Co.yield("text beta"); break;
            default: Co.yield("text other");
        }
        switch (color) {
            case RED -> Co.yield("arrow red");
            case GREEN, BLUE -> {
                Co.yield("arrow green or blue");
                Co.yield("second statement");
            }
        }
        String described = switch (color) {
            case RED -> "r";
            case GREEN -> {
                String got = Co.yield("inside switch expression");
                yield "g+" + got;
            }
            case BLUE -> "b";
        };
        Co.yield("expression gave " + described);
    }

    @Test
    void everySwitchForm() {
        Generator<Object> g = Generator.of(() -> switches(1, 1_000_000, "beta", Color.GREEN));
        assertEquals("dense one", g.next());
        assertEquals("dense two", g.next());
        assertEquals("sparse high", g.next());
        assertEquals("text beta", g.next());
        assertEquals("arrow green or blue", g.next());
        assertEquals("second statement", g.next());
        assertEquals("inside switch expression", g.next());
        assertEquals("expression gave g+sent", g.send("sent"));
        assertEquals(List.of(), Drain.all(g));

        assertEquals(List.of("dense other", "sparse low", "text other", "arrow red", "expression gave r"),
                Drain.all(Generator.of(() -> switches(9, -1000, "zeta", Color.RED))));
    }

    @Test
    void enumSwitchOnATypeFromTheJdk() {
        Generator<Object> g = Generator.of(() -> {
            for (TimeUnit u : new TimeUnit[] {TimeUnit.SECONDS, TimeUnit.DAYS}) {
                switch (u) {
                    case SECONDS:
                        Co.yield("s");
                        break;
                    default:
                        Co.yield("other");
                }
            }
        });
        assertEquals(List.of("s", "other"), Drain.all(g));
    }
}
