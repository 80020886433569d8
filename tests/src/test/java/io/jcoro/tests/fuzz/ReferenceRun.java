package io.jcoro.tests.fuzz;

import io.jcoro.core.GeneratorExit;
import io.jcoro.tests.fuzz.ref.CoSupplier;

/**
 * Runs the reference variant of a program: the whole body is one ordinary call, and each
 * yield (an ordinary call into {@link io.jcoro.tests.fuzz.ref.Co}) records what the driver
 * got and replays the script's next step at that point, emulating Python's generator protocol
 * as {@code io.jcoro.core.Generator} documents it. No instrumentation is involved, so this is
 * what the program means.
 */
public final class ReferenceRun {
    private static final ThreadLocal<ReferenceRun> CURRENT = new ThreadLocal<>();

    private enum State { CREATED, SUSPENDED, RUNNING, CLOSED }

    private final Transcript t;
    private final DriverScript.Cursor cursor;
    private State state = State.CREATED;
    /** The step that resumed the body last. */
    private DriverScript.Step current;
    /** The script ran out and the program would not finish: every further yield throws. */
    private boolean abandoned;
    /** What {@code Generator.returnValue()} would say once the body has finished. */
    private Object returnedValue;

    private ReferenceRun(DriverScript script, Transcript t) {
        this.t = t;
        this.cursor = new DriverScript.Cursor(script);
    }

    /** @return the run on this thread */
    public static ReferenceRun current() {
        ReferenceRun run = CURRENT.get();
        if (run == null) {
            throw new IllegalStateException("a reference program yielded outside a fuzz run");
        }
        return run;
    }

    /**
     * @param body the program
     * @param script the driver script
     * @param programClass the program's class name, for frames
     * @return the transcript
     */
    static Transcript run(CoSupplier<?> body, DriverScript script, String programClass) {
        Transcript t = new Transcript(programClass);
        ReferenceRun run = new ReferenceRun(script, t);
        CURRENT.set(run);
        Trace.begin(t);
        try {
            run.drive(body);
        } finally {
            Trace.end();
            CURRENT.remove();
        }
        return t;
    }

    private void drive(CoSupplier<?> body) {
        for (;;) {
            DriverScript.Step step = take();
            if (step == null) {
                break;
            }
            if (state == State.CLOSED) {
                t.add("= " + afterEnd(step));
                continue;
            }
            // CREATED: the body has not run yet.
            switch (step.kind()) {
                case SEND:
                    if (step.sent() != null) {
                        t.add("= threw java.lang.IllegalArgumentException: can't send non-null value to a"
                                + " just-started generator at []");
                        continue;
                    }
                    break;
                case THROW:
                    // Raised at the body's start: it leaves the body at once (PEP 479 applies).
                    state = State.CLOSED;
                    t.add("= threw " + t.exception(Pep479.converted(injected(step))));
                    continue;
                case CLOSE:
                    state = State.CLOSED;
                    t.add("= closed");
                    continue;
                case INSPECT:
                    t.add("= frames []");
                    continue;
                default:
                    break;
            }
            current = step;
            state = State.RUNNING;
            Object returned = null;
            Throwable thrown = null;
            try {
                returned = body.get();
            } catch (Throwable e) {
                thrown = e;
            }
            state = State.CLOSED;
            if (abandoned) {
                break;
            }
            finished(returned, thrown);
        }
        if (abandoned) {
            t.add("runaway");
            return;
        }
        t.add("end CLOSED returned " + Transcript.value(returnedValue));
    }

    private void finished(Object returned, Throwable escaped) {
        Throwable thrown = escaped == null ? null : Pep479.converted(escaped);
        if (current.kind() == DriverScript.Kind.CLOSE) {
            if (thrown == null || thrown instanceof GeneratorExit) {
                t.add("= closed");
                returnedValue = thrown == null ? returned : null;
            } else {
                t.add("= threw " + t.exception(thrown));
            }
        } else if (thrown == null) {
            returnedValue = returned;
            t.add("= stop generator returned " + Transcript.value(returned));
        } else {
            t.add("= threw " + t.exception(thrown));
        }
    }

    private static String afterEnd(DriverScript.Step step) {
        switch (step.kind()) {
            case NEXT:
            case SEND:
                return "stop generator already finished null";
            case CLOSE:
                return "closed";
            case INSPECT:
                return "frames []";
            default:
                return null;
        }
    }

    /** Takes the next step, logging it as the real driver does; THROW after the end logs here. */
    private DriverScript.Step take() {
        DriverScript.Step step = cursor.take(state == State.CLOSED);
        if (step != null) {
            t.add((state == State.RUNNING ? State.SUSPENDED : state) + " > " + step);
            if (state == State.CLOSED && step.kind() == DriverScript.Kind.THROW) {
                t.add("= threw " + t.exception(injected(step)));
                return take();
            }
        }
        return step;
    }

    private Throwable injected(DriverScript.Step step) {
        Throwable e = step.thrown(cursor.index());
        t.injected(e);
        return e;
    }

    /**
     * A yield of the program: the step that resumed it gets {@code value}; then the next step is
     * replayed here.
     *
     * @param value the value yielded
     * @return the value sent in
     */
    public Object onYield(Object value) {
        if (abandoned) {
            throw new DriverScript.RunawayProgram();
        }
        if (current.kind() == DriverScript.Kind.CLOSE) {
            t.add("= threw java.lang.IllegalStateException: generator ignored GeneratorExit at []");
        } else {
            t.add("= yield " + Transcript.value(value));
        }
        for (;;) {
            DriverScript.Step step;
            try {
                state = State.SUSPENDED;
                step = take();
            } catch (DriverScript.RunawayProgram runaway) {
                abandoned = true;
                throw runaway;
            }
            if (step.kind() == DriverScript.Kind.INSPECT) {
                // StackWalker: a Throwable's trace stops at MaxJavaStackTraceDepth (1024 frames).
                t.add("= frames " + t.frames(StackWalker.getInstance().walk(frames -> frames
                        .map(StackWalker.StackFrame::toStackTraceElement).toArray(StackTraceElement[]::new))));
                continue;
            }
            current = step;
            state = State.RUNNING;
            switch (step.kind()) {
                case NEXT:
                    return null;
                case SEND:
                    return step.sent();
                case THROW:
                    throw sneaky(injected(step));
                default:
                    throw new GeneratorExit();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
