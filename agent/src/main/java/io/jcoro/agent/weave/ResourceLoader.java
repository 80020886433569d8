package io.jcoro.agent.weave;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The class path of the code being woven, as class-file bytes: the instrumenter's
 * {@code ClassInfoRepository} reads supertypes through {@link #getResourceAsStream}. It never
 * defines a class: {@link #findClass} refuses, so the woven project's code never runs inside the
 * build. The JDK's own classes come from the platform loader of the JVM that weaves.
 */
final class ResourceLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private ResourceLoader(URL[] urls) {
        super("jcoro-weave", urls, ClassLoader.getPlatformClassLoader());
    }

    /**
     * @param entries directories and jars, searched in order
     * @return a loader that serves their class files as resources
     */
    static ResourceLoader over(List<Path> entries) {
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(new IOException("bad class path entry " + entries.get(i), e));
            }
        }
        return new ResourceLoader(urls);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name + " (jcoro weaving reads class files, it loads no class)");
    }
}
