package io.jcoro.tests;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Defines classes from bytes (written with ASM in a test) in a fresh loader that also serves
 * their bytes as resources, as a build would, so the agent can read them.
 */
public final class GeneratedClasses extends ClassLoader {
    private final Map<String, byte[]> classes = new HashMap<>();

    public GeneratedClasses() {
        super(GeneratedClasses.class.getClassLoader());
    }

    /**
     * @param internalName the class's internal name
     * @param bytes its class file
     * @return the loaded (and, under the agent, transformed) class
     */
    public Class<?> define(String internalName, byte[] bytes) {
        add(internalName, bytes);
        return define(internalName);
    }

    /**
     * Makes a class available to load (with the others it refers to), without loading it.
     *
     * @param internalName the class's internal name
     * @param bytes its class file
     */
    public void add(String internalName, byte[] bytes) {
        classes.put(internalName + ".class", bytes);
    }

    /**
     * @param internalName the internal name of a class {@linkplain #add added} before
     * @return the loaded (and, under the agent, transformed) class
     */
    public Class<?> define(String internalName) {
        try {
            return loadClass(internalName.replace('/', '.'));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name.replace('.', '/') + ".class");
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] bytes = classes.get(name);
        return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
    }
}
