package io.jcoro.tests.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class files of real libraries the agent must leave alone: Guava, Jackson (databind, core,
 * annotations) and commons-lang3, as jars on the test class path, each entry with its bytes.
 */
final class LibraryClasses {
    /** One class of each library, to find its jar. */
    static final List<Class<?>> MARKERS = List.of(com.google.common.collect.ImmutableList.class,
            com.google.common.util.concurrent.internal.InternalFutureFailureAccess.class,
            com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.core.JsonFactory.class,
            com.fasterxml.jackson.annotation.JsonProperty.class, org.apache.commons.lang3.StringUtils.class);

    private LibraryClasses() {
    }

    /** @return the library jars */
    static List<Path> jars() {
        List<Path> jars = new ArrayList<>();
        for (Class<?> c : MARKERS) {
            try {
                jars.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return jars;
    }

    /** @return the jars as URLs, for a class loader */
    static URL[] urls() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars()) {
            urls.add(jar.toUri().toURL());
        }
        return urls.toArray(new URL[0]);
    }

    /**
     * @param jar a jar
     * @return every class file in it (multi-release versions included), entry name to bytes
     */
    static Map<String, byte[]> classFiles(Path jar) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class")) {
                    try (InputStream in = file.getInputStream(e)) {
                        classes.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    /**
     * @param entry a jar entry name of a class file
     * @return the class's binary name, or null for a multi-release variant
     */
    static String className(String entry) {
        if (entry.startsWith("META-INF/")) {
            return null;
        }
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }
}
