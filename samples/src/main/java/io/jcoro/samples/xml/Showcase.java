package io.jcoro.samples.xml;

import static io.jcoro.xml.Buses.busLocations;
import static io.jcoro.xml.Buses.busesToDicts;
import static io.jcoro.xml.Buses.filterOnField;

import io.jcoro.flow.Filters;
import io.jcoro.flow.Sinks;
import io.jcoro.xml.BusDocument;
import io.jcoro.xml.StaxSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The showcase: a pipeline of coroutines over a generated bus document. The document is made
 * as the parser reads it; a broadcast stage fans the bus dicts out to a counter and to the
 * course's route 22 North Bound filters. {@code showcase [BUSES]}, default 300.
 */
public final class Showcase {
    private Showcase() {
    }

    public static void run(PrintStream out, String... args) {
        int buses = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        BusDocument document = BusDocument.ofBuses(buses);
        long bytes = document.writeTo(OutputStream.nullOutputStream());
        out.printf("jcoro showcase: %,d buses in a generated allroutes.xml (%,d bytes), streamed through%n",
                buses, bytes);
        out.println("  StAX -> buses_to_dicts -> broadcast -> every bus -> count");
        out.println("                                      -> route 22 -> North Bound -> bus_locations");
        out.println();

        List<Map<String, String>> all = new ArrayList<>();
        List<Map<String, String>> matched = new ArrayList<>();
        try (InputStream in = document.open()) {
            StaxSource.parse(in,
                    busesToDicts(
                    Filters.broadcast(
                            Sinks.collector(all),
                            filterOnField("route", "22",
                            filterOnField("direction", "North Bound",
                            Filters.broadcast(busLocations(out), Sinks.collector(matched)))))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.printf("%d of %d buses on route 22 North Bound; every stage closed once at the end.%n",
                matched.size(), all.size());
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
