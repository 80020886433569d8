package io.jcoro.tests.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.agent.AgentLog;
import io.jcoro.agent.ClassInstrumenter;
import io.jcoro.core.CoRunnable;
import io.jcoro.core.Generator;
import io.jcoro.core.Jcoro;
import io.jcoro.core.NotInstrumentedException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the agent does with what it cannot transform: one method it cannot analyse (a class file
 * it needs is missing, or corrupt so that the instrumenter fails inside) is refused on its own,
 * with one log line naming class, method and line, and the same message when the method is
 * called; the rest of the class works. A class it cannot even identify loads unchanged, with one
 * log line. The JVM and class loading go on in every case.
 */
class AgentFailureTest {
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final ClassInstrumenter instrumenter = new ClassInstrumenter(
            new AgentLog(AgentLog.Level.ERRORS, new PrintStream(logBytes, true, StandardCharsets.UTF_8)));

    private List<String> logLines() {
        return logBytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aMissingClassFileRefusesOnlyTheMethodThatNeedsIt() throws Exception {
        BrokenClassPath loader = new BrokenClassPath(BrokenClassPath.HOLDER, Set.of("gen/HiddenB"), Set.of());
        byte[] out = instrumenter.instrument(loader, loader.bytes("gen.Holder"));
        assertNotNull(out);
        String expected = "[jcoro] jcoro cannot instrument gen.Holder.needsHidden(Holder.java:8): cannot read the"
                + " class file of gen.HiddenB through its class loader, which is needed to compute stack frames";
        assertEquals(List.of(expected), logLines());

        Jcoro.install();
        Class<?> holder = loader.loadClass("gen.Holder"); // transformed by the live agent as above
        assertEquals(List.of("good"), List.of(Generator.of(BrokenClassPath.body(holder, "good")).next()));
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class,
                () -> Generator.of(BrokenClassPath.body(holder, "needsHidden")).next());
        assertEquals(expected.substring("[jcoro] ".length()), e.getMessage());
    }

    @Test
    void anInternalErrorInOneMethodRefusesThatMethodAlone() throws Exception {
        // A corrupt class file of a type the analysis must merge: the class reader fails inside it.
        BrokenClassPath loader = new BrokenClassPath(BrokenClassPath.HOLDER, Set.of(), Set.of("gen/HiddenB"));
        byte[] out = instrumenter.instrument(loader, loader.bytes("gen.Holder"));
        assertNotNull(out);
        List<String> lines = logLines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("[jcoro] jcoro cannot instrument gen.Holder.needsHidden(Holder.java:8):"
                + " cannot analyse the method: Error at instruction "), lines.get(0));
        assertTrue(lines.get(0).contains("the class file of gen.HiddenB served by its class loader cannot be read"),
                lines.get(0));

        Jcoro.install();
        Class<?> holder = loader.loadClass("gen.Holder");
        assertEquals("good", Generator.of(BrokenClassPath.body(holder, "good")).next());
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class,
                () -> Generator.of(BrokenClassPath.body(holder, "needsHidden")).next());
        // The same words as the log line, up to the reader's own exception: once C2 has compiled
        // the class reader, it may throw that exception without a message (OmitStackTraceInFastThrow).
        String logged = lines.get(0).substring("[jcoro] ".length());
        String upToCause = logged.substring(0, logged.indexOf("cannot be read") + "cannot be read".length());
        assertTrue(e.getMessage().startsWith(upToCause), e.getMessage());
    }

    @Test
    void aClassWhoseSupertypeCannotBeReadIsLeftAsItWas() throws Exception {
        BrokenClassPath loader = new BrokenClassPath(BrokenClassPath.SUB, Set.of(), Set.of("gen/Base"));
        assertThrows(RuntimeException.class, () -> instrumenter.instrument(loader, loader.bytes("gen.Sub")),
                "the instrumenter gives up on the class; the transformer catches it (see the subprocess test)");
        Jcoro.install();
        Class<?> sub = loader.loadClass("gen.Sub"); // loads, untransformed
        CoRunnable body = BrokenClassPath.body(sub);
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class, () -> Generator.of(body).next());
        assertTrue(e.getMessage().startsWith("Co.yield called from gen.Sub.run(Sub.java:5), which is not a coroutine"),
                e.getMessage());
    }

    @Test
    void underTheRealAgentEachFailureIsOneLogLineAndTheProgramRunsOn() throws Exception {
        String agent = System.getProperty("jcoro.agentJar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-javaagent:" + agent, "-cp",
                System.getProperty("java.class.path"), AgentFailureDemo.class.getName()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), stdout + stderr);
        List<String> jcoro = stderr.lines().filter(l -> l.startsWith("[jcoro]")).toList();
        assertEquals(2, jcoro.size(), stderr);
        assertTrue(jcoro.get(0).startsWith("[jcoro] jcoro cannot instrument gen.Holder.needsHidden(Holder.java:8):"
                + " cannot read the class file of gen.HiddenB"), jcoro.get(0));
        assertTrue(jcoro.get(1).startsWith("[jcoro] left gen.Sub uninstrumented: io.jcoro.agent.classinfo"
                + ".CorruptClassException: the class file of gen.Base served by its class loader cannot be read"),
                jcoro.get(1));
        assertEquals(List.of("good: good", "needsHidden: NotInstrumentedException " + jcoro.get(0).substring(8),
                "sub loaded", "sub.run: NotInstrumentedException"), stdout.lines()
                .map(l -> l.startsWith("sub.run: NotInstrumentedException") ? "sub.run: NotInstrumentedException" : l)
                .toList());
        assertTrue(new File(agent).isFile());
    }
}
