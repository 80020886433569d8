package io.jcoro.agent;

import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.identify.Prefilter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which classes loaded before a self-attached agent must be re-transformed. Re-transforming a
 * class replaces its methods, and a method running at that moment (the {@code main} that made
 * the first use of {@code Generator}, say) loses its line numbers for the rest of that call:
 * the JVM prints {@code Unknown Source}. So only classes with coroutine code are re-transformed,
 * decided from their class files read through their loaders. A class whose file cannot be read
 * (defined at run time) is re-transformed, and the transformer decides.
 */
final class LoadedClasses {
    private final Instrumentation instrumentation;
    private final ClassInstrumenter instrumenter;
    private final Set<Class<?>> seen = new HashSet<>();

    LoadedClasses(Instrumentation instrumentation, ClassInstrumenter instrumenter) {
        this.instrumentation = instrumentation;
        this.instrumenter = instrumenter;
    }

    /**
     * Reads the classes loaded so far. Called before the transformer is registered, so that the
     * agent's own classes it loads are not offered to the transformer.
     *
     * @return those that need the transform
     */
    List<Class<?>> needingTransform() {
        List<Class<?>> needed = new ArrayList<>();
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            if (seen.add(c) && isCandidate(c) && needsTransform(c)) {
                needed.add(c);
            }
        }
        return needed;
    }

    /**
     * @return classes loaded since {@link #needingTransform()} (between that and the
     *         transformer's registration), unread: the transformer decides
     */
    List<Class<?>> loadedSince() {
        List<Class<?>> late = new ArrayList<>();
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            if (seen.add(c) && isCandidate(c)) {
                late.add(c);
            }
        }
        return late;
    }

    private boolean isCandidate(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l != null && l != ClassLoader.getPlatformClassLoader() && !c.isArray() && !c.isPrimitive()
                && !c.isHidden()
                // Literal prefixes, not RuntimeNames: first loading a class here, with the
                // transformer registered, failed under self-attach (duplicate class definition).
                && !c.getName().startsWith("io.jcoro.core.") && !c.getName().startsWith("io.jcoro.agent.")
                && instrumentation.isModifiableClass(c);
    }

    private boolean needsTransform(Class<?> c) {
        byte[] bytes = classFile(c);
        if (bytes == null) {
            return true;
        }
        try {
            ClassInfoRepository repository = ClassInfoRepository.forLoader(c.getClassLoader());
            return Prefilter.isCandidate(bytes, repository) && instrumenter.needsChange(c.getClassLoader(), bytes);
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    private static byte[] classFile(Class<?> c) {
        String resource = c.getName().replace('.', '/') + ".class";
        try (InputStream in = c.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
