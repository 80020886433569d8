package io.jcoro.tests.xml;

import static io.jcoro.xml.XmlEvent.end;
import static io.jcoro.xml.XmlEvent.start;
import static io.jcoro.xml.XmlEvent.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.flow.Sinks;
import io.jcoro.flow.Stage;
import io.jcoro.xml.SaxEventHandler;
import io.jcoro.xml.SaxSource;
import io.jcoro.xml.StaxSource;
import io.jcoro.xml.XmlEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAX and StAX feed the same events, so stages run unchanged on either. */
class XmlEventsTest {
    static final String DOC = "<?xml version=\"1.0\"?>\n"
            + "<!-- a comment -->\n"
            + "<buses city=\"Chicago\" feed='cta'>\n"
            + " <bus><id>7574</id><?ignore me?>\n"
            + "  <finalStop>Clark &amp; <![CDATA[Howard <terminal>]]>&#33;</finalStop>\n"
            + "  <empty/>\n"
            + " </bus>\n"
            + "</buses>\n";

    static final List<XmlEvent> EVENTS = List.of(
            start("buses", Map.of("city", "Chicago", "feed", "cta")),
            text("\n "),
            start("bus", Map.of()),
            start("id", Map.of()), text("7574"), end("id"),
            text("\n  "),
            start("finalStop", Map.of()), text("Clark & Howard <terminal>!"), end("finalStop"),
            text("\n  "),
            start("empty", Map.of()), end("empty"),
            text("\n "),
            end("bus"),
            text("\n"),
            end("buses"));

    static ByteArrayInputStream bytes(String doc) {
        return new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void saxEvents() {
        List<XmlEvent> got = new ArrayList<>();
        Stage<XmlEvent> sink = Sinks.collector(got);
        SaxSource.parse(bytes(DOC), sink);
        assertEquals(EVENTS, got);
        assertTrue(sink.isClosed(), "the source closes the pipeline at the end of the document");
    }

    @Test
    void staxEvents() {
        List<XmlEvent> got = new ArrayList<>();
        Stage<XmlEvent> sink = Sinks.collector(got);
        StaxSource.parse(bytes(DOC), sink);
        assertEquals(EVENTS, got);
        assertTrue(sink.isClosed());
    }

    @Test
    void fromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("doc.xml");
        Files.writeString(file, DOC);
        List<XmlEvent> sax = new ArrayList<>();
        List<XmlEvent> stax = new ArrayList<>();
        SaxSource.parse(file, Sinks.collector(sax));
        StaxSource.parse(file, Sinks.collector(stax));
        assertEquals(EVENTS, sax);
        assertEquals(EVENTS, stax);
    }

    @Test
    void theHandlerPlugsIntoAnySaxParserAndLeavesTheTargetOpen() throws Exception {
        List<XmlEvent> got = new ArrayList<>();
        Stage<XmlEvent> sink = Sinks.collector(got);
        SAXParserFactory.newInstance().newSAXParser().parse(bytes(DOC), new SaxEventHandler(sink));
        assertEquals(EVENTS, got);
        assertTrue(!sink.isClosed());
        sink.close();
    }

    @Test
    void eventsPrintAsTheCoursesTuples() {
        List<XmlEvent> parsed = new ArrayList<>();
        SaxSource.parse(bytes(DOC), Sinks.collector(parsed));
        assertEquals("('start', ('buses', {'city': 'Chicago', 'feed': 'cta'}))", parsed.get(0).toString(),
                "attributes in document order");
        assertEquals("('text', '\\n ')", EVENTS.get(1).toString());
        assertEquals("('end', 'id')", EVENTS.get(5).toString());
        assertEquals("('text', \"it's\")", text("it's").toString());
    }

    @Test
    void moreAmpersandsThanTheJdkEntityLimitStillParse() {
        // JDK 24+ counts every &amp; towards a 100,000 limit by default; the sources lift it.
        StringBuilder doc = new StringBuilder("<d>");
        for (int i = 0; i < 120_000; i++) {
            doc.append("<e>x &amp; y</e>");
        }
        String text = doc.append("</d>").toString();
        for (boolean stax : new boolean[] {false, true}) {
            List<XmlEvent> events = new ArrayList<>();
            if (stax) {
                StaxSource.parse(bytes(text), Sinks.collector(events));
            } else {
                SaxSource.parse(bytes(text), Sinks.collector(events));
            }
            assertEquals(120_000, events.stream().filter(e -> e.isEnd("e")).count(), stax ? "StAX" : "SAX");
            assertEquals(text("x & y"), events.get(2));
        }
    }

    @Test
    void externalEntitiesAreNotLoaded(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "top secret");
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><d>&x;</d>";
        for (boolean stax : new boolean[] {false, true}) {
            List<XmlEvent> got = new ArrayList<>();
            try {
                if (stax) {
                    StaxSource.parse(bytes(doc), Sinks.collector(got));
                } else {
                    SaxSource.parse(bytes(doc), Sinks.collector(got));
                }
            } catch (RuntimeException refused) {
                // refusing the document is fine too
            }
            assertTrue(got.stream().noneMatch(e -> e.value().contains("top secret")), got.toString());
        }
    }
}
