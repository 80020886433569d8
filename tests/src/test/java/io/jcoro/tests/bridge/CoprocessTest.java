package io.jcoro.tests.bridge;

import static io.jcoro.tests.SampleTranscript.route22NorthBound;
import static io.jcoro.tests.SampleTranscript.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.bridge.ChildJvm;
import io.jcoro.bridge.Codec;
import io.jcoro.bridge.Coprocess;
import io.jcoro.bridge.Pipes;
import io.jcoro.flow.Sinks;
import io.jcoro.flow.Sources;
import io.jcoro.flow.Stage;
import io.jcoro.flow.StageException;
import io.jcoro.samples.bridges.BusProc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Pipelines across a real subprocess: a child JVM at the other end of the pipes. */
@Timeout(120)
class CoprocessTest {

    @Test
    void valuesGoThereAndBackThroughAChildJvm() throws Exception {
        Process child = ChildJvm.command(EchoValues.class).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Object> back = new ArrayList<>();
        Stage<Object> sink = Sinks.collector(back);
        Thread reader = new Thread(() -> Pipes.recvfrom(child.getInputStream(), Codec.values(), sink));
        reader.start();

        Map<String, Object> bus = new LinkedHashMap<>();
        bus.put("id", "7574");
        bus.put("stops", List.of(1L, 2L, 3L));
        bus.put("revenue", true);
        List<Object> sent = Arrays.asList(bus, "é ünïcødé", 12345678901L, 0.25, null, List.of());
        Sources.feed(sent, Pipes.sendto(child.getOutputStream(), Codec.values()));

        reader.join();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue());
        assertEquals(sent, back);
        assertTrue(sink.isClosed(), "the end marker came back and closed the reader's pipeline");
    }

    @Test
    void coprocessSendsBusesToBusprocAndPrintsWhatItPrints() throws Exception {
        assertEquals(route22NorthBound(200, false), run("coprocess"));
    }

    @Test
    void aChildThatFailsIsReportedWithItsStandardError() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Coprocess<String> child = Coprocess.start(ChildJvm.command(FailingChild.class), Codec.strings(), out);
        child.send("one");
        child.send("boom");
        StageException e = assertThrows(StageException.class, () -> {
            for (int i = 0; i < 100_000; i++) {       // the pipe breaks once the child has exited
                child.send("more " + i);
            }
            child.close();
        });
        assertTrue(e.getMessage().contains("exited with status 1"), e.getMessage());
        assertTrue(e.getMessage().contains("the child cannot take boom"), e.getMessage());
        assertEquals("child got one\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void busprocRunAloneWithNoInputSaysWhatItNeeds(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty"));
        Process child = ChildJvm.command(BusProc.class).redirectInput(empty.toFile()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, child.exitValue(), output);
        assertTrue(output.startsWith("busproc: recvfrom(string-maps): the stream is empty or shorter than its header:"
                + " nothing was sent; busproc reads the bus dicts that `coprocess` sends"), output);
        assertTrue(!output.contains("Exception") && !output.contains("\tat "), "no stack trace: " + output);
    }
}
