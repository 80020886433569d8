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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        InputStream in = new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8));
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
}
