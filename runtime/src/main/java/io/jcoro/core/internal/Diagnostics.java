package io.jcoro.core.internal;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.NotInstrumentedException;
import io.jcoro.core.PrimitiveYield;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Error messages that name the frame at fault, found with a {@link StackWalker}. Only error
 * paths come here, never the suspend/resume path. Public for the API package ({@code Co},
 * {@code Generator}), not for users.
 */
public final class Diagnostics {
    /** This package: every frame in it is the runtime's (Frames, the idle Continuation, ...). */
    private static final String INTERNAL = Diagnostics.class.getPackageName() + ".";
    private static final StackWalker WALKER =
            StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final String HOW_TO_MARK = " Every method between a generator's body and a"
            + " suspension must be a coroutine: annotate it @Coroutine; a lambda suspends only if"
            + " its functional interface method is @Coroutine (such as CoRunnable or CoSupplier);"
            + " reflection and JDK callbacks (streams, forEach) cannot carry a suspension.";

    private Diagnostics() {
    }

    /** The runtime's own frames, skipped when naming the user's frame. */
    private static boolean isRuntimeFrame(StackWalker.StackFrame f) {
        String c = f.getClassName();
        return c.startsWith(INTERNAL) || c.equals(Co.class.getName()) || c.equals(PrimitiveYield.class.getName());
    }

    private static String describe(StackWalker.StackFrame f) {
        return f.toStackTraceElement().toString();
    }

    /**
     * @return the user frames from the innermost outwards, the runtime's frames dropped, and
     *         those of class {@code facade} if it is not null
     */
    private static List<StackWalker.StackFrame> userFrames(int limit, String facade) {
        return WALKER.walk(s -> s.dropWhile(f -> isRuntimeFrame(f) || f.getClassName().equals(facade))
                .limit(limit).collect(Collectors.toList()));
    }

    static String callerDescription() {
        return callerDescription(null);
    }

    private static String callerDescription(String facade) {
        List<StackWalker.StackFrame> frames = userFrames(1, facade);
        return frames.isEmpty() ? "<unknown>" : describe(frames.get(0));
    }

    static IllegalStateException outsideGenerator(String api) {
        return new IllegalStateException(api + " called outside any generator, at "
                + callerDescription() + ": a coroutine suspends only while a Generator or Sink"
                + " runs it; called directly, a @Coroutine method runs as a plain method until it"
                + " tries to suspend.");
    }

    /**
     * A real call to {@code Co.yield} and friends: the calling method was not instrumented.
     *
     * @param api the call, such as {@code "Co.yield"}
     * @param facade the name of the class declaring the call if it is not {@code Co}
     *               ({@code IntGenerator}), whose frames are skipped as the runtime's, or null
     * @param agentOrWoven whether the agent is installed or the program was found woven
     * @param contractMismatch the agent's report that it left classes uninstrumented because
     *                         this runtime implements another contract, or null
     * @return the exception to throw
     */
    public static RuntimeException notInstrumented(String api, String facade, boolean agentOrWoven,
                                                   String contractMismatch) {
        String caller = callerDescription(facade);
        if (contractMismatch != null) {
            return new NotInstrumentedException(api + " called from " + caller
                    + ", which is not instrumented: " + contractMismatch);
        }
        if (!agentOrWoven) {
            return new NotInstrumentedException(api + " called at " + caller
                    + ", but it was not woven and the jcoro agent is not installed: weave it at"
                    + " build time (jcoro-maven-plugin, or java -jar jcoro-agent.jar instrument),"
                    + " run with -javaagent:jcoro-agent.jar, or call Jcoro.install() before the"
                    + " coroutine classes are used (Generator does it on first use unless"
                    + " -Djcoro.autoInstall=false or woven code is on the stack).");
        }
        if (Carrier.current().running() instanceof Continuation.Idle) {
            return new NotInstrumentedException(api + " called outside any generator, from "
                    + caller + ", which is not instrumented either.");
        }
        return new NotInstrumentedException(api + " called from " + caller
                + ", which is not a coroutine." + HOW_TO_MARK);
    }

    /**
     * An instrumented frame must suspend, but was not entered by the call its caller announced:
     * a method in between is not instrumented. Drops the half-captured state first, so the
     * generator stays consistent whoever catches the exception.
     */
    static RuntimeException uninstrumentedCaller(Continuation f) {
        f.discardFrames();
        List<StackWalker.StackFrame> frames = userFrames(2, null);
        String self = frames.isEmpty() ? "<unknown>" : describe(frames.get(0));
        if (frames.size() < 2) {
            return new NotInstrumentedException(self + " cannot suspend: its caller is not a coroutine."
                    + HOW_TO_MARK);
        }
        StackWalker.StackFrame caller = frames.get(1);
        if (isAnnotated(caller)) {
            return new NotInstrumentedException(self + " cannot suspend: its caller "
                    + describe(caller) + " is a coroutine, but calls it through a method that is not"
                    + " declared @Coroutine where the call names it (annotate the interface or"
                    + " superclass method the call goes through, not only the implementation).");
        }
        return new NotInstrumentedException(self + " cannot suspend: it was called from "
                + describe(caller) + ", which is not a coroutine." + HOW_TO_MARK);
    }

    /**
     * The restore switch met a resume index its method does not have: the saved state does not
     * belong to this code. Drops it, so the generator stays consistent whoever catches this.
     */
    static IllegalStateException badResumeIndex(Continuation f, int index) {
        f.discardFrames();
        return new IllegalStateException(callerDescription()
                + ": saved resume point " + index + " does not exist in this method;"
                + " the suspended state does not match the code (was the class redefined?)");
    }

    /**
     * A generator's body was resumed but did not restore its frames: it is not instrumented.
     *
     * @param body the body
     * @return the exception to throw
     */
    public static NotInstrumentedException uninstrumentedBody(Object body) {
        return new NotInstrumentedException("the generator body " + body.getClass().getName()
                + " returned without restoring its frames: it is not instrumented");
    }

    private static boolean isAnnotated(StackWalker.StackFrame frame) {
        try {
            for (java.lang.reflect.Method m : frame.getDeclaringClass().getDeclaredMethods()) {
                if (m.getName().equals(frame.getMethodName()) && m.isAnnotationPresent(Coroutine.class)) {
                    return true;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // a class we cannot reflect on: fall back to the general message
        }
        return false;
    }

    /**
     * Throws any throwable, checked or not, without declaring it.
     *
     * @param t the throwable
     * @param <T> inferred as an unchecked type at the call
     * @return never
     * @throws T always: {@code t}
     */
    @SuppressWarnings("unchecked")
    public static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
