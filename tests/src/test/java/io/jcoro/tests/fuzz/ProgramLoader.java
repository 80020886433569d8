package io.jcoro.tests.fuzz;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

/**
 * Loads the classes of one compiled program in a loader of their own (so each run starts with
 * fresh statics), and serves their bytes as resources, as a build would: the agent reads the
 * bytes of supertypes (a program's interface, say) through the loader.
 */
final class ProgramLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    /** @param classes binary name to class file */
    ProgramLoader(Map<String, byte[]> classes) {
        super(ProgramLoader.class.getClassLoader());
        this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        if (name.endsWith(".class")) {
            byte[] bytes = classes.get(name.substring(0, name.length() - 6).replace('/', '.'));
            if (bytes != null) {
                return new ByteArrayInputStream(bytes);
            }
        }
        return super.getResourceAsStream(name);
    }
}
