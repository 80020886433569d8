package io.jcoro.tests.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.bridge.Threaded;
import io.jcoro.flow.Stage;
import io.jcoro.tests.flow.RecordingStages;
import io.jcoro.flow.Target;
import io.jcoro.xml.Buses;
import io.jcoro.xml.SaxSource;
import io.jcoro.xml.StaxSource;
import io.jcoro.xml.XmlEvent;
import io.jcoro.xml.XmlSyntaxException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed XML: an error with line and column, the pipeline closed, nothing hanging. */
@Timeout(30)
class MalformedXmlTest {
    /** Two good buses, then a mismatched end tag on line 5 (both parsers stop at column 24). */
    static final String BAD = "<buses>\n"
            + " <bus><id>1</id><route>22</route></bus>\n"
            + " <bus><id>2</id><route>22</route></bus>\n"
            + " <bus>\n"
            + "  <id>3</id><route>22</rout>\n"
            + " </bus>\n"
            + "</buses>\n";

    private final RecordingStages stages = new RecordingStages();
    private final List<String> closed = stages.closed;

    private static void parse(boolean stax, String doc, Target<XmlEvent> target) {
        parse(stax, doc.getBytes(StandardCharsets.UTF_8), target);
    }

    private static void parse(boolean stax, byte[] doc, Target<XmlEvent> target) {
        InputStream in = new ByteArrayInputStream(doc);
        if (stax) {
            StaxSource.parse(in, target);
        } else {
            SaxSource.parse(in, target);
        }
    }

    @ParameterizedTest(name = "stax={0}")
    @ValueSource(booleans = {false, true})
    void theErrorSaysWhereAndThePipelineIsClosed(boolean stax) {
        List<Map<String, String>> buses = new ArrayList<>();
        Stage<Map<String, String>> sink = stages.collect("sink", buses);
        Stage<XmlEvent> head = Buses.busesToDicts(sink);
        XmlSyntaxException e = assertThrows(XmlSyntaxException.class, () -> parse(stax, BAD, head));
        assertEquals(5, e.line());
        assertEquals(24, e.column());
        assertTrue(e.getMessage().startsWith("malformed XML at line 5, column 24: "), e.getMessage());
        assertTrue(e.getMessage().contains("route"), e.getMessage());
        assertEquals(2, buses.size(), "the buses before the error went through");
        assertTrue(head.isClosed());
        assertEquals(List.of("sink"), closed);
    }

    @ParameterizedTest(name = "stax={0}")
    @ValueSource(booleans = {false, true})
    void aTruncatedDocumentIsMalformedToo(boolean stax) {
        Stage<XmlEvent> head = Buses.busesToDicts(stages.collect("sink", new ArrayList<>()));
        XmlSyntaxException e = assertThrows(XmlSyntaxException.class,
                () -> parse(stax, "<buses>\n <bus><id>1</id>", head));
        assertEquals(2, e.line());
        assertTrue(head.isClosed());
        assertEquals(List.of("sink"), closed);
    }

    @ParameterizedTest(name = "stax={0}")
    @ValueSource(booleans = {false, true})
    void aThreadedPartOfThePipelineIsClosedAndJoined(boolean stax) {
        List<Map<String, String>> buses = Collections.synchronizedList(new ArrayList<>());
        Threaded<Map<String, String>> threaded = Threaded.threaded(stages.collect("far sink", buses));
        assertThrows(XmlSyntaxException.class, () -> parse(stax, BAD, Buses.busesToDicts(threaded)));
        assertTrue(threaded.isClosed());
        assertTrue(!threaded.worker().isAlive(), "the worker thread has finished");
        assertEquals(2, buses.size());
        assertEquals(List.of("far sink"), closed);
    }

    @ParameterizedTest(name = "stax={0}")
    @ValueSource(booleans = {false, true})
    void anEmptyDocumentIsMalformed(boolean stax) {
        Stage<XmlEvent> sink = stages.collect("sink", new ArrayList<>());
        XmlSyntaxException e = assertThrows(XmlSyntaxException.class, () -> parse(stax, "", sink));
        assertTrue(e.getMessage().startsWith("malformed XML at line 1"), e.getMessage());
        assertTrue(sink.isClosed());
    }

    @ParameterizedTest(name = "stax={0}")
    @ValueSource(booleans = {false, true})
    void bothSourcesRefuseADoctype(boolean stax) {
        String withDtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE buses [<!ENTITY x \"a bus\">]>\n<buses>&x;</buses>\n";
        List<XmlEvent> events = new ArrayList<>();
        Stage<XmlEvent> sink = stages.collect("sink", events);
        XmlSyntaxException e = assertThrows(XmlSyntaxException.class, () -> parse(stax, withDtd, sink));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("DOCTYPE is"), e.getMessage());
        assertEquals(List.of(), events, "nothing before the refusal");
        assertTrue(sink.isClosed());
        // a DOCTYPE without declarations too: StAX used to skip it
        assertThrows(XmlSyntaxException.class, () -> parse(stax, "<!DOCTYPE buses>\n<buses/>\n",
                stages.collect("sink2", new ArrayList<>())));
    }

    @ParameterizedTest(name = "stax={0}")
    @ValueSource(booleans = {false, true})
    void aBadlyEncodedByteIsAnErrorAndPrintsNothing(boolean stax) {
        byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<buses><bus><id>".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "</id></bus></buses>\n".getBytes(StandardCharsets.US_ASCII);
        byte[] doc = Arrays.copyOf(head, head.length + 1 + tail.length);
        doc[head.length] = (byte) 0xE9;                 // é in Latin-1: not UTF-8
        System.arraycopy(tail, 0, doc, head.length + 1, tail.length);
        Stage<XmlEvent> sink = stages.collect("sink", new ArrayList<>());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        XmlSyntaxException e;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            e = assertThrows(XmlSyntaxException.class, () -> parse(stax, doc, sink));
        } finally {
            System.setErr(saved);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing on standard error");
        assertEquals(2, e.line(), e.getMessage());
        assertEquals(17, e.column(), e.getMessage());
        assertTrue(sink.isClosed());
    }
}
