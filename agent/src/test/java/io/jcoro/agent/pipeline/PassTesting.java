package io.jcoro.agent.pipeline;

import io.jcoro.agent.AgentLog;
import io.jcoro.agent.classinfo.ClassInfoRepository;
import io.jcoro.agent.identify.CoroutineMethod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A class's state before the passes, on a fixture compiled with the tests, and its log. Public
 * for the tests of the stage packages, which run the passes before theirs with it.
 */
public final class PassTesting {
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final ClassState state;

    public PassTesting(Class<?> fixture, AgentLog.Level level, Path dumpDirectory) throws IOException {
        byte[] bytes;
        try (InputStream in = fixture.getResourceAsStream(fixture.getSimpleName() + ".class")) {
            bytes = in.readAllBytes();
        }
        AgentLog log = new AgentLog(level, new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        state = ClassState.read(bytes, ClassInfoRepository.forLoader(fixture.getClassLoader()), log, dumpDirectory);
    }

    public PassTesting(Class<?> fixture) throws IOException {
        this(fixture, AgentLog.Level.ERRORS, null);
    }

    /** @return the log so far */
    public String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    /** @return the class as parsed (and rewritten by the passes run so far) */
    public ClassNode owner() {
        return state.owner;
    }

    /** @return the oracle of the fixture's loader */
    public ClassInfoRepository repository() {
        return state.repository;
    }

    /** @param name a method's name @return the method */
    public MethodNode method(String name) {
        return state.owner.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    /** Runs identify. @param name a coroutine method's name @return what identify found about it */
    public CoroutineMethod identified(String name) {
        if (state.found == null) {
            IdentifyPass.run(state);
        }
        return state.coroutines.stream().filter(c -> c.method().name.equals(name)).findFirst().orElseThrow();
    }
}
