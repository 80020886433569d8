package io.jcoro.tests.fuzz;

import io.jcoro.core.CoSupplier;
import io.jcoro.core.Generator;
import io.jcoro.core.StopIteration;
import java.util.List;

/** Runs the instrumented variant of a program as a real {@link Generator}, driven by a script. */
final class GeneratedRun {
    private GeneratedRun() {
    }

    /**
     * @param body the program (its class implements CoSupplier and was transformed by the agent)
     * @param script the driver script
     * @param programClass the program's class name, for frames
     * @return the transcript
     */
    static Transcript run(CoSupplier<?> body, DriverScript script, String programClass) {
        Transcript t = new Transcript(programClass);
        DriverScript.Cursor cursor = new DriverScript.Cursor(script);
        Generator<Object> g = Generator.returning(body);
        Trace.begin(t);
        try {
            for (;;) {
                String state = g.state().name();
                DriverScript.Step step;
                try {
                    step = cursor.take(g.isDone());
                } catch (DriverScript.RunawayProgram runaway) {
                    t.add("runaway");
                    return t;
                }
                if (step == null) {
                    break;
                }
                t.add(state + " > " + step);
                t.add("= " + apply(g, step, cursor.index(), t));
            }
            t.add("end " + g.state().name() + " returned " + Transcript.value(g.returnValue()));
        } finally {
            Trace.end();
        }
        return t;
    }

    private static String apply(Generator<Object> g, DriverScript.Step step, int index, Transcript t) {
        try {
            switch (step.kind()) {
                case NEXT:
                    return "yield " + Transcript.value(g.next());
                case SEND:
                    return "yield " + Transcript.value(g.send(step.sent()));
                case THROW:
                    Throwable e = step.thrown(index);
                    t.injected(e);
                    return "yield " + Transcript.value(g.throwIn(e));
                case CLOSE:
                    g.close();
                    return "closed";
                default:
                    List<StackTraceElement> frames = g.suspendedFrames();
                    return "frames " + t.frames(frames.toArray(new StackTraceElement[0]));
            }
        } catch (StopIteration stop) {
            if (t.isInjected(stop)) {
                return "threw " + t.exception(stop); // thrown into a finished generator: rethrown
            }
            return "stop " + stop.getMessage() + " " + Transcript.value(stop.value());
        } catch (Throwable e) {
            return "threw " + t.exception(e);
        }
    }
}
