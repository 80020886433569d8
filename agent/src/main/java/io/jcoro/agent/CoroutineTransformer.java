package io.jcoro.agent;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.contract.RuntimeContract;
import io.jcoro.agent.contract.RuntimeNames;
import io.jcoro.agent.identify.Prefilter;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The agent's transformer. Skips JDK classes, jcoro's own and everything the {@link Prefilter}
 * rules out, instruments the rest with {@link ClassInstrumenter}, and never lets an exception
 * escape: a class it cannot transform is loaded unchanged and the failure is logged, naming it.
 *
 * <p>A class may load deep in a recursion, where the instrumenter (an ASM analysis) runs out of
 * stack. Then the work is handed to a thread with a large stack, started with the transformer so
 * that the hand-off itself needs little stack, while the loading thread waits; the class is still
 * instrumented. That thread reads class files through the loader ({@code getResourceAsStream},
 * never {@code loadClass}) while the loading thread holds its class-loading lock; a loader that
 * guards its resources with that same lock would block it, so the wait is bounded: past
 * {@link #RETRY_TIMEOUT_SECONDS} the class loads unchanged, logged. At the very edge even the
 * hand-off can overflow; then too the class loads unchanged, with its {@code [jcoro]} line.
 * That line is printed by the large-stack thread, never at the edge: a stack overflow inside
 * {@code println} can leave the stream's encoder broken for every later line (seen on JDK 25).
 */
final class CoroutineTransformer implements ClassFileTransformer {
    /** The stack of the thread that retries a transform that overflowed. */
    static final long RETRY_STACK_BYTES = 256L << 20;
    /** How long the loading thread waits for that retry. */
    static final long RETRY_TIMEOUT_SECONDS = 30;
    /** How soon a failure met at the edge of the stack is printed. */
    static final long LOG_DELAY_MILLIS = 500;

    private final AgentConfig config;
    private final AgentLog log;
    private final ClassInstrumenter instrumenter;
    private final RuntimeContract contract = new RuntimeContract();
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();
    /**
     * Failures met at the edge of the stack, printed by {@link #retrier}. Plain array stores, so
     * that recording one needs no stack; racy by design: a lost line is better than a lock on
     * class loading.
     */
    private final String[] unloggedClasses = new String[64];
    private final Throwable[] unloggedErrors = new Throwable[64];
    private volatile int unlogged;
    /** Transforms that ran out of stack, for {@link #retrier}. */
    private final LinkedBlockingQueue<FutureTask<byte[]>> retries = new LinkedBlockingQueue<>();
    private final Thread retrier;

    CoroutineTransformer(AgentConfig config, AgentLog log) {
        this.config = config;
        this.log = log;
        this.instrumenter = new ClassInstrumenter(log, config.dumpDirectory()).publishingLinks();
        this.retrier = new Thread(null, this::retryForever, "jcoro transform retry", RETRY_STACK_BYTES);
        retrier.setDaemon(true);
        retrier.start();
    }

    private void retryForever() {
        while (true) {
            try {
                FutureTask<byte[]> task = retries.poll(LOG_DELAY_MILLIS, TimeUnit.MILLISECONDS);
                if (task != null) {
                    task.run();
                }
                logUnlogged();
            } catch (InterruptedException | RuntimeException e) {
                // keep serving: a waiting transform times out on its own
            }
        }
    }

    /** @return the instrumenter behind this transformer */
    ClassInstrumenter instrumenter() {
        return instrumenter;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] bytes) {
        if (className == null || loader == null || loader == platform || isExcluded(className)) {
            return null;
        }
        byte[] result;
        try {
            try {
                result = instrument(loader, className, bytes);
            } catch (StackOverflowError deep) {
                result = instrumentOnLargeStack(loader, className, bytes);
            }
        } catch (Throwable t) {
            return failed(className, t);
        }
        return result;
    }

    private static boolean isExcluded(String className) {
        return RuntimeNames.isJdk(className) || RuntimeNames.isJcoro(className);
    }

    /** @return the instrumented class, or null if it needs no change */
    private byte[] instrument(ClassLoader loader, String className, byte[] bytes) {
        if (!Prefilter.isCandidate(bytes, ClassInfoRepository.forLoader(loader)) || !contractMatches(loader)) {
            return null;
        }
        byte[] result = instrumenter.instrument(loader, bytes);
        if (result != null && config.dumpDirectory() != null) {
            dump(className, result);
        }
        return result;
    }

    /**
     * Whether the runtime this loader sees implements the agent's contract. Generated code for
     * another contract would fail in user code with a linkage error; left as they are, the
     * classes fail at their first suspension with the runtime's own message instead. The
     * mismatch is reported once per loader.
     */
    private boolean contractMatches(ClassLoader loader) {
        return contract.mismatch(loader, log::error) == null;
    }

    /**
     * The transform ran out of stack: hand it to {@link #retrier}, which has a large one, and
     * wait. That thread logs its own failure (it has the stack to); this one returns null for it.
     */
    private byte[] instrumentOnLargeStack(ClassLoader loader, String className, byte[] bytes) throws Exception {
        if (Thread.currentThread() == retrier) {
            throw new StackOverflowError("even on the transformer's large stack");
        }
        FutureTask<byte[]> task = new FutureTask<>(() -> {
            try {
                byte[] result = instrument(loader, className, bytes);
                log.info("transformed " + className.replace('/', '.') + " on a thread with a larger stack:"
                        + " it loaded where the stack was nearly exhausted");
                return result;
            } catch (Throwable t) {
                return failed(className, t);
            }
        });
        retries.add(task);
        try {
            return task.get(RETRY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            task.cancel(false);
            return failed(className, new IllegalStateException("the transform ran out of stack, and its"
                    + " retry on a thread with a larger stack did not finish within "
                    + RETRY_TIMEOUT_SECONDS + " s (does the class loader lock its resources?)"));
        }
    }

    /**
     * Logs a class left unchanged. A failure met at the edge of the stack (or whose line would
     * overflow it) is left for {@link #retrier} to print, within {@link #LOG_DELAY_MILLIS}.
     */
    private byte[] failed(String className, Throwable error) {
        if (!(error instanceof StackOverflowError) || Thread.currentThread() == retrier) {
            try {
                log.failed(className, error);
                return null;
            } catch (Throwable again) {
                // print it later
            }
        }
        int i = unlogged;
        if (i < unloggedClasses.length) {
            unloggedClasses[i] = className;
            unloggedErrors[i] = error;
            unlogged = i + 1;
        }
        return null;
    }

    /** Prints the lines {@link #failed} could not; if that overflows again, they stay for later. */
    private void logUnlogged() {
        try {
            for (int n = unlogged; n > 0; n = unlogged) {
                log.failed(unloggedClasses[n - 1], unloggedErrors[n - 1]);
                unloggedClasses[n - 1] = null;
                unloggedErrors[n - 1] = null;
                unlogged = n - 1;
            }
        } catch (Throwable again) {
            // still no stack for it
        }
    }

    private void dump(String className, byte[] bytes) {
        Path file = config.dumpDirectory().resolve(className + ".class");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            log.info("cannot dump " + file + ": " + e);
        }
    }
}
