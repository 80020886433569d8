package io.jcoro.tests.xml;

import static io.jcoro.xml.XmlEvent.end;
import static io.jcoro.xml.XmlEvent.start;
import static io.jcoro.xml.XmlEvent.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.flow.Sinks;
import io.jcoro.flow.Sources;
import io.jcoro.flow.StageException;
import io.jcoro.xml.Buses;
import io.jcoro.xml.XmlEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** buses_to_dicts, filter_on_field and bus_locations, on hand-made event streams. */
class BusStagesTest {

    private static List<XmlEvent> bus(String... fields) {
        List<XmlEvent> events = new ArrayList<>(List.of(start("bus", Map.of()), text("\n")));
        for (int i = 0; i < fields.length; i += 2) {
            events.add(start(fields[i], Map.of()));
            events.add(text(fields[i + 1]));
            events.add(end(fields[i]));
            events.add(text("\n"));
        }
        events.add(end("bus"));
        return events;
    }

    @Test
    void busesToDictsMakesOneDictPerBus() {
        List<XmlEvent> events = new ArrayList<>();
        events.add(start("buses", Map.of()));
        events.addAll(bus("id", "1", "route", "22"));
        events.add(start("notabus", Map.of()));
        events.add(text("ignored"));
        events.add(end("notabus"));
        events.addAll(bus("id", "2", "route", "36"));
        events.add(end("buses"));
        List<Map<String, String>> got = new ArrayList<>();
        Sources.feed(events, Buses.busesToDicts(Sinks.collector(got)));
        assertEquals(List.of(Map.of("id", "1", "route", "22"), Map.of("id", "2", "route", "36")), got);
    }

    @Test
    void textInPiecesIsJoinedAndEmptyElementsAreEmptyStrings() {
        List<XmlEvent> events = List.of(start("bus", Map.of()),
                start("finalStop", Map.of()), text("Clark "), text("& "), text("Howard"), end("finalStop"),
                start("empty", Map.of()), end("empty"),
                end("bus"));
        List<Map<String, String>> got = new ArrayList<>();
        Sources.feed(events, Buses.busesToDicts(Sinks.collector(got)));
        assertEquals(List.of(Map.of("finalStop", "Clark & Howard", "empty", "")), got);
    }

    @Test
    void filtersAndLocationsPrintTheCoursesFormat() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<Map<String, String>> buses = List.of(
                Map.of("id", "1", "route", "22", "direction", "North Bound", "latitude", "41.9", "longitude", "-87.6"),
                Map.of("id", "2", "route", "22", "direction", "South Bound", "latitude", "41.8", "longitude", "-87.7"),
                Map.of("id", "3", "route", "36", "direction", "North Bound", "latitude", "41.7", "longitude", "-87.8"));
        Sources.feed(buses,
                Buses.filterOnField("route", "22",
                Buses.filterOnField("direction", "North Bound",
                Buses.busLocations(out))));
        assertEquals("22,1,\"North Bound\",41.9,-87.6\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBusWithoutAFieldFailsBusLocationsByName() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        StageException e = assertThrows(StageException.class,
                () -> Sources.feed(List.of(Map.of("id", "9", "route", "22")), Buses.busLocations(out)));
        assertEquals("bus_locations", e.stage());
        assertTrue(e.getMessage().contains("bus has no direction"), e.getMessage());
    }

    @Test
    void theFilterIsNamedAfterItsTest() {
        assertEquals("filter_on_field route=22", Buses.filterOnField("route", "22", Sinks.discard()).name());
    }
}
