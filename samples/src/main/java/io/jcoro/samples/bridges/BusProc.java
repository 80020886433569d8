package io.jcoro.samples.bridges;

import static io.jcoro.xml.Buses.busLocations;
import static io.jcoro.xml.Buses.filterOnField;

import io.jcoro.bridge.Codec;
import io.jcoro.bridge.Pipes;
import io.jcoro.samples.UsageException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * busproc.py: the bus processor that coprocess runs as a subprocess. It receives bus dicts on
 * its standard input ({@code recvfrom}) and runs the rest of the pipeline on them. Run alone,
 * it says that it reads what {@code coprocess} sends it: at a terminal at once, and with an
 * empty or foreign standard input once it has looked at it.
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

    private static final String HOW = "busproc reads the bus dicts that `coprocess` sends down a pipe"
            + " (sendto's stream of string maps); run `coprocess [BUSES|FILE]` to see the two at work";

    /**
     * @throws UsageException if standard input is a terminal, empty, or not a sendto stream
     */
    public static void run(PrintStream out, String... args) {
        if (System.console() != null) {
            throw new UsageException("standard input is a terminal; " + HOW, null);
        }
        try {
            process(System.in, out);
        } catch (UncheckedIOException e) {
            String why = e.getMessage();
            if (why.contains("nothing was sent") || why.contains("not a jcoro item stream")
                    || why.contains("expects 'string-maps'")) {
                throw new UsageException(why + "; " + HOW, e);
            }
            throw e;
        } finally {
            out.flush();
        }
    }

    public static void main(String[] args) {
        UsageException.reporting("busproc", () -> run(System.out, args));
    }
}
