package io.jcoro.samples.bridges;

import static io.jcoro.xml.Buses.busLocations;
import static io.jcoro.xml.Buses.filterOnField;

import io.jcoro.bridge.Codec;
import io.jcoro.bridge.Pipes;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * busproc.py: the bus processor that coprocess runs as a subprocess. It receives bus dicts on
 * its standard input ({@code recvfrom}) and runs the rest of the pipeline on them. Run alone,
 * it waits for a stream that {@code sendto} wrote.
 */
public final class BusProc {
    private BusProc() {
    }

    /**
     * @param in  the stream from {@code sendto}
     * @param out where bus_locations prints
     */
    public static void process(InputStream in, PrintStream out) {
        Pipes.recvfrom(in, Codec.stringMaps(),
                filterOnField("route", "22",
                filterOnField("direction", "North Bound",
                busLocations(out))));
    }

    public static void run(PrintStream out, String... args) {
        process(System.in, out);
        out.flush();
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
