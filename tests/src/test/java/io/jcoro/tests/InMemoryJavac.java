package io.jcoro.tests;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with the running JDK's javac (default target: the running
 * JDK's class-file version), many files per call to spread javac's start-up cost.
 */
public final class InMemoryJavac implements AutoCloseable {
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager files;

    /** @param classpathOf classes whose code sources make the class path */
    public InMemoryJavac(Class<?>... classpathOf) {
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
        }
        files = javac.getStandardFileManager(null, null, null);
        List<File> path = new ArrayList<>();
        for (Class<?> c : classpathOf) {
            try {
                path.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            files.setLocation(StandardLocation.CLASS_PATH, path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compilation failed; the message holds javac's diagnostics. */
    public static final class CompileError extends Exception {
        private static final long serialVersionUID = 1L;

        CompileError(String message) {
            super(message);
        }
    }

    /**
     * @param sources binary class name to source text, one top-level class each
     * @param debugInfo whether to emit local variable tables too ({@code -g})
     * @return every class file written, by binary name (nested classes included)
     * @throws CompileError if javac reports an error
     */
    public Map<String, byte[]> compile(Map<String, String> sources, boolean debugInfo) throws CompileError {
        return compile(sources, debugInfo, List.of());
    }

    /**
     * @param sources binary class name to source text, one top-level public class each
     * @param debugInfo whether to emit local variable tables too ({@code -g})
     * @param moreOptions more javac options, such as {@code --release 8}
     * @return every class file written, by binary name (nested classes included)
     * @throws CompileError if javac reports an error
     */
    public Map<String, byte[]> compile(Map<String, String> sources, boolean debugInfo, List<String> moreOptions)
            throws CompileError {
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            units.add(new Source(e.getKey(), e.getValue()));
        }
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        ForwardingJavaFileManager<StandardJavaFileManager> manager = new ForwardingJavaFileManager<>(files) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className,
                                                       JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        out.put(className, bytes);
                        return bytes;
                    }
                };
            }
        };
        StringWriter diagnostics = new StringWriter();
        List<String> options = new ArrayList<>(List.of("-proc:none", "-nowarn", "-Xlint:none"));
        if (debugInfo) {
            options.add("-g");
        }
        options.addAll(moreOptions);
        Boolean ok = javac.getTask(diagnostics, manager, null, options, null, units).call();
        if (!ok) {
            throw new CompileError(diagnostics.toString());
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    @Override
    public void close() throws IOException {
        files.close();
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + ".java"), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
