package io.jcoro.xml;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.flow.Filters;
import io.jcoro.flow.Stage;
import io.jcoro.flow.Target;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The course's bus stages (buses.py): turn the XML events of an allroutes.xml-style document
 * into one dict per {@code <bus>}, filter them on a field, and print their locations.
 *
 * <pre>{@code
 * StaxSource.parse(document,
 *         Buses.busesToDicts(
 *         Buses.filterOnField("route", "22",
 *         Buses.filterOnField("direction", "North Bound",
 *         Buses.busLocations(System.out)))));
 * }</pre>
 * A bus dict maps each child element of {@code <bus>} to its text, in document order.
 */
public final class Buses {
    private Buses() {
    }

    /**
     * The course's {@code buses_to_dicts(target)}: collects the text of each child of a
     * {@code <bus>} element into a dict, and sends the dict on at the bus's end tag.
     *
     * @param target where the bus dicts go
     * @return the stage, named {@code "buses_to_dicts"}
     */
    public static Stage<XmlEvent> busesToDicts(Target<? super Map<String, String>> target) {
        Objects.requireNonNull(target, "target");
        return Stage.of("buses_to_dicts", () -> busesToDictsBody(target), target);
    }

    /** Straight-line code with its nested loop, as in buses.py: the loop is the state. */
    @Coroutine
    private static void busesToDictsBody(Target<? super Map<String, String>> target) {
        while (true) {
            XmlEvent event = Co.receive();
            // Look for the start of a <bus> element
            if (event.isStart("bus")) {
                Map<String, String> busdict = new LinkedHashMap<>();
                StringBuilder fragments = new StringBuilder();
                // Capture text of inner elements in a dict
                while (true) {
                    event = Co.receive();
                    if (event.kind() == XmlEvent.Kind.START) {
                        fragments.setLength(0);
                    } else if (event.kind() == XmlEvent.Kind.TEXT) {
                        fragments.append(event.value());
                    } else if (!event.value().equals("bus")) {
                        busdict.put(event.value(), fragments.toString());
                    } else {
                        target.send(busdict);
                        break;
                    }
                }
            }
        }
    }

    /**
     * The course's {@code filter_on_field(fieldname, value, target)}: passes on the dicts whose
     * field has that value.
     *
     * @param field  the key to test
     * @param value  the value it must have
     * @param target where matching dicts go
     * @return the stage, named {@code "filter_on_field FIELD=VALUE"}
     */
    public static Stage<Map<String, String>> filterOnField(String field, String value,
                                                          Target<? super Map<String, String>> target) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        return Filters.filter("filter_on_field " + field + "=" + value, d -> value.equals(d.get(field)), target);
    }

    /**
     * The course's {@code bus_locations()}: prints each bus as
     * {@code route,id,"direction",latitude,longitude}.
     *
     * @param out where to print
     * @return the stage, named {@code "bus_locations"}
     */
    public static Stage<Map<String, String>> busLocations(PrintStream out) {
        Objects.requireNonNull(out, "out");
        return Stage.of("bus_locations", () -> {
            while (true) {
                Map<String, String> bus = Co.receive();
                out.println(location(bus));
            }
        });
    }

    /**
     * @param bus a bus dict
     * @return the line {@link #busLocations} prints for it
     * @throws IllegalArgumentException if a field it needs is missing
     */
    public static String location(Map<String, String> bus) {
        return field(bus, "route") + "," + field(bus, "id") + ",\"" + field(bus, "direction") + "\","
                + field(bus, "latitude") + "," + field(bus, "longitude");
    }

    private static String field(Map<String, String> bus, String name) {
        String v = bus.get(name);
        if (v == null) {
            throw new IllegalArgumentException("bus has no " + name + ": " + bus);
        }
        return v;
    }
}
