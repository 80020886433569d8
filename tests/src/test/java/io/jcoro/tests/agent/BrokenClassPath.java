package io.jcoro.tests.agent;

import io.jcoro.tests.InMemoryJavac;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/**
 * Classes whose loader cannot serve what the agent needs: the class file of some classes is
 * missing (as with some class-generating frameworks) or corrupt, though the classes themselves
 * load. The source is compiled in memory.
 */
final class BrokenClassPath extends ClassLoader {
    /** Two coroutines; one merges two types whose class files the agent will not find. */
    static final String HOLDER = String.join("\n",
            "package gen;",
            "import io.jcoro.core.Co;",
            "import io.jcoro.core.Coroutine;",
            "public class Holder {",
            "    @Coroutine public static void good() { Co.yield(\"good\"); }",
            "    @Coroutine public static void needsHidden(boolean c) {",
            "        Object x = c ? new HiddenA() : new HiddenB();",
            "        Co.yield(x.toString());",
            "    }",
            "    public static io.jcoro.core.CoRunnable body(String which) {",
            "        return which.equals(\"good\") ? () -> good() : () -> needsHidden(true);",
            "    }",
            "}",
            "class HiddenA { public String toString() { return \"A\"; } }",
            "class HiddenB { public String toString() { return \"B\"; } }",
            "");

    /** A class overriding a coroutine of a superclass whose class file is corrupt. */
    static final String SUB = String.join("\n",
            "package gen;",
            "import io.jcoro.core.Co;",
            "import io.jcoro.core.Coroutine;",
            "public class Sub extends Base {",
            "    @Override public void run() { Co.yield(\"sub\"); }",
            "    public static io.jcoro.core.CoRunnable body() { Base b = new Sub(); return () -> b.run(); }",
            "}",
            "class Base { @Coroutine public void run() { } }",
            "");

    private static final byte[] CORRUPT = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 99};

    private final Map<String, byte[]> classes;
    private final Set<String> missing;
    private final Set<String> corrupt;

    /**
     * @param source one compilation unit
     * @param missing internal names whose class files are not served
     * @param corrupt internal names whose class files are served corrupt
     */
    BrokenClassPath(String source, Set<String> missing, Set<String> corrupt) throws InMemoryJavac.CompileError {
        super(BrokenClassPath.class.getClassLoader());
        try (InMemoryJavac javac = new InMemoryJavac(io.jcoro.core.Co.class)) {
            String name = source.substring(source.indexOf("public class ") + 13, source.indexOf(' ', source.indexOf("public class ") + 13));
            this.classes = javac.compile(Map.of("gen." + name, source), false);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        this.missing = missing;
        this.corrupt = corrupt;
    }

    /**
     * @param c a class of this loader with a static {@code body(...)} that hands out a coroutine
     * @param args its arguments
     * @return the coroutine body (reflection cannot carry a suspension, so it is fetched, not called)
     */
    static io.jcoro.core.CoRunnable body(Class<?> c, Object... args) throws ReflectiveOperationException {
        for (java.lang.reflect.Method m : c.getMethods()) {
            if (m.getName().equals("body")) {
                return (io.jcoro.core.CoRunnable) m.invoke(null, args);
            }
        }
        throw new NoSuchMethodException(c.getName() + ".body");
    }

    /** @param binaryName a class @return its class file as compiled */
    byte[] bytes(String binaryName) {
        return classes.get(binaryName);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
    }

    @Override
    public InputStream getResourceAsStream(String resource) {
        String internal = resource.endsWith(".class") ? resource.substring(0, resource.length() - 6) : resource;
        if (missing.contains(internal)) {
            return null;
        }
        if (corrupt.contains(internal)) {
            return new ByteArrayInputStream(CORRUPT);
        }
        byte[] b = classes.get(internal.replace('/', '.'));
        return b != null ? new ByteArrayInputStream(b) : super.getResourceAsStream(resource);
    }
}
