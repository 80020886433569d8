package io.jcoro.tests.xml;

import static io.jcoro.tests.SampleTranscript.route22NorthBound;
import static io.jcoro.tests.SampleTranscript.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.flow.Sinks;
import io.jcoro.xml.BusDocument;
import io.jcoro.xml.StaxSource;
import io.jcoro.xml.XmlEvent;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course's Part 3 programs, and the showcase, over generated bus documents. */
class XmlTranscriptsTest {

    @Test
    void basicsaxCallsTheHandlerForEveryTagAndText() throws Exception {
        List<String> lines = run("basicsax", "1").lines().toList();
        List<String> tags = lines.stream().filter(l -> !l.startsWith("characters ")).toList();
        List<String> expected = new ArrayList<>(List.of("startElement buses", "startElement bus"));
        for (String field : BusDocument.bus(BusDocument.DEFAULT_SEED, 0).keySet()) {
            expected.add("startElement " + field);
            expected.add("endElement " + field);
        }
        expected.addAll(List.of("endElement bus", "endElement buses"));
        assertEquals(expected, tags);
        assertTrue(lines.contains("characters '1000'"), lines.toString());
        assertTrue(lines.contains("characters '\\n  '"), lines.toString());
    }

    @Test
    void cosaxPrintsEveryEventAsATuple() throws Exception {
        List<XmlEvent> events = new ArrayList<>();
        StaxSource.parse(BusDocument.ofBuses(2).open(), Sinks.collector(events));
        String expected = events.stream().map(e -> e + "\n").collect(Collectors.joining());
        assertTrue(expected.startsWith("('start', ('buses', {}))\n('text', '\\n ')\n('start', ('bus', {}))\n"
                + "('text', '\\n  ')\n('start', ('id', {}))\n('text', '1000')\n('end', 'id')\n"), expected);
        assertEquals(expected, run("cosax"));
    }

    @Test
    void busesPrintsRoute22NorthBound() throws Exception {
        String expected = route22NorthBound(200, false);
        assertEquals(15, expected.lines().count());
        assertEquals(expected, run("buses"));
        assertEquals(route22NorthBound(1000, false), run("buses", "1000"));
    }

    @Test
    void coexpatRunsTheSameStagesOnStax() throws Exception {
        assertEquals(route22NorthBound(200, false), run("coexpat"));
    }

    @Test
    void iterbusPrintsTheSameBusesIdFirst() throws Exception {
        assertEquals(route22NorthBound(200, true), run("iterbus"));
    }

    /**
     * The walk-through's sample file nests elements in {@code <route>}; iterparse's
     * {@code child.text} is then the text before the first of them, and they are no entries.
     * Python prints only the second and third bus of this document (checked with CPython 3.11).
     */
    @Test
    void iterbusTakesABusWithNestedElementsAsIterparseDoes(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("bus.xml");
        Files.writeString(doc, """
                <?xml version="1.0"?>
                <buses>
                 <bus>
                  <id>7574</id>
                  <route>
                   <morning>123</morning>
                   <evening>321</evening>
                  </route>
                  <direction>North Bound</direction>
                  <latitude>41.925682067871094</latitude>
                  <longitude>-87.630928039550781</longitude>
                 </bus>
                 <bus>
                  <id>7575</id>
                  <route>22</route>
                  <direction>North Bound</direction>
                  <latitude>41.9</latitude>
                  <longitude>-87.6</longitude>
                  <extra/>
                 </bus>
                 <bus>
                  <id>7576</id>
                  <route>22<morning>123</morning>x</route>
                  <direction>North Bound</direction>
                  <latitude>41.8</latitude>
                  <longitude>-87.5</longitude>
                 </bus>
                </buses>
                """);
        assertEquals("7575,22,\"North Bound\",41.9,-87.6\n7576,22,\"North Bound\",41.8,-87.5\n",
                run("iterbus", doc.toString()));
    }

    @Test
    void showcase() throws Exception {
        long bytes = BusDocument.ofBuses(300).writeTo(OutputStream.nullOutputStream());
        String located = route22NorthBound(300, false);
        assertEquals(String.format("jcoro showcase: 300 buses in a generated allroutes.xml (%,d bytes), streamed through%n",
                bytes)
                + "  StAX -> buses_to_dicts -> broadcast -> every bus -> count\n"
                + "                                      -> route 22 -> North Bound -> bus_locations\n"
                + "\n"
                + located
                + "\n"
                + located.lines().count() + " of 300 buses on route 22 North Bound; every stage closed once at the end.\n",
                run("showcase"));
    }

    @Test
    void xmlbenchReportsThreeWaysThatAgreeAndTheParsersAlone() throws Exception {
        List<String> lines = run("xmlbench", "1", "1").lines().toList();
        assertTrue(lines.get(0).startsWith("xmlbench: a generated bus document of 1,04"), lines.get(0));
        assertEquals(6, lines.size());
        String matched = null;
        for (String line : lines.subList(1, 4)) {
            assertTrue(line.matches(" +(SAX|StAX|SAX hand-written).* +\\d+\\.\\d MB/s +\\(\\d+\\.\\d+ s, \\d+ buses matched\\)"),
                    line);
            String m = line.replaceAll(".*, (\\d+) buses matched\\)", "$1");
            assertTrue(matched == null || matched.equals(m), "all three ways find the same buses: " + lines);
            matched = m;
        }
        String rate = " +\\d+\\.\\d MB/s +\\(\\d+\\.\\d+ s\\)";
        assertTrue(lines.get(4).matches("  \\(SAX alone, empty handler\\)" + rate), lines.get(4));
        assertTrue(lines.get(5).matches("  \\(StAX alone, empty loop\\)" + rate), lines.get(5));
    }
}
