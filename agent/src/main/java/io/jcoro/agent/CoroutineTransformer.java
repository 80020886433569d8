package io.jcoro.agent;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.identify.Prefilter;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;

/**
 * The agent's transformer. Skips JDK classes, jcoro's own and everything the {@link Prefilter}
 * rules out, instruments the rest with {@link ClassInstrumenter}, and never lets an exception
 * escape: a class it cannot transform is loaded unchanged and the failure is logged, naming it.
 */
final class CoroutineTransformer implements ClassFileTransformer {
    private final AgentConfig config;
    private final AgentLog log;
    private final ClassInstrumenter instrumenter;
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

    CoroutineTransformer(AgentConfig config, AgentLog log) {
        this.config = config;
        this.log = log;
        this.instrumenter = new ClassInstrumenter(log);
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
        try {
            if (!Prefilter.isCandidate(bytes, ClassInfoRepository.forLoader(loader))) {
                return null;
            }
            byte[] result = instrumenter.instrument(loader, bytes);
            if (result != null && config.dumpDirectory() != null) {
                dump(className, result);
            }
            return result;
        } catch (Throwable t) {
            log.failed(className, t);
            return null;
        }
    }

    private static boolean isExcluded(String className) {
        return RuntimeNames.isJdk(className) || RuntimeNames.isJcoro(className);
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
