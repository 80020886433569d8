package io.jcoro.samples.xml;

import static io.jcoro.xml.Buses.busLocations;
import static io.jcoro.xml.Buses.busesToDicts;
import static io.jcoro.xml.Buses.filterOnField;

import io.jcoro.xml.SaxSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * buses.py: an event-handling pipeline of coroutines over SAX: events become one dict per bus
 * ({@code buses_to_dicts}, straight-line code with a nested loop), two filters keep route 22
 * North Bound, and {@code bus_locations} prints them. Reads a generated document of 200 buses,
 * or {@code buses [BUSES|FILE]}.
 */
public final class FilterBuses {
    private FilterBuses() {
    }

    public static void run(PrintStream out, String... args) {
        try (InputStream doc = SampleDocument.open(200, args)) {
            SaxSource.parse(doc,
                    busesToDicts(
                    filterOnField("route", "22",
                    filterOnField("direction", "North Bound",
                    busLocations(out)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
