package io.jcoro.benchmarks;

import io.jcoro.benchmarks.heap.Suspender;
import io.jcoro.benchmarks.net.EchoServer;
import java.util.List;

/**
 * The way from the JDK 17 code to the JDK 21+ baselines ({@code io.jcoro.benchmarks.loom}), which
 * exist only in a jar built on JDK 21+ and load only on JDK 21+: found by name, so this half
 * compiles without them.
 */
public final class LoomBaselines {
    private static final String PACKAGE = "io.jcoro.benchmarks.loom.";

    private LoomBaselines() {
    }

    /** @return whether this JVM can run them and this jar has them */
    public static boolean available() {
        if (Runtime.version().feature() < 21) {
            return false;
        }
        return LoomBaselines.class.getClassLoader().getResource(PACKAGE.replace('.', '/') + "LoomSuspenders.class") != null;
    }

    /** @return M1's Loom columns (continuation, virtual thread) */
    @SuppressWarnings("unchecked")
    public static List<Suspender> suspenders() {
        return (List<Suspender>) call("LoomSuspenders", "all", new Class<?>[0]);
    }

    /**
     * S2's baseline.
     *
     * @param n how many virtual threads to put to sleep
     * @return heap bytes per sleeping virtual thread
     */
    public static double sleepingThreadBytes(int n) {
        return (Double) call("SleepingThreads", "bytesPerThread", new Class<?>[] {int.class}, n);
    }

    /**
     * N1's baseline: a virtual-thread-per-connection echo server on loopback.
     *
     * @param clients how many connections it accepts before it stops accepting
     * @return the running server
     */
    public static EchoServer startVirtualThreadEchoServer(int clients) {
        return (EchoServer) call("VirtualThreadEchoServer", "start", new Class<?>[] {int.class}, clients);
    }

    private static Object call(String className, String method, Class<?>[] types, Object... args) {
        if (!available()) {
            throw new IllegalStateException("the Loom baselines need JDK 21+ and a jar built on JDK 21+ (this is JDK "
                    + Runtime.version().feature() + ")");
        }
        try {
            return Class.forName(PACKAGE + className).getMethod(method, types).invoke(null, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(className + "." + method + " failed", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + PACKAGE + className + "." + method, e);
        }
    }
}
