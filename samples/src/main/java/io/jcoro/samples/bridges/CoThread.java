package io.jcoro.samples.bridges;

import static io.jcoro.bridge.Threaded.threaded;
import static io.jcoro.xml.Buses.busLocations;
import static io.jcoro.xml.Buses.busesToDicts;
import static io.jcoro.xml.Buses.filterOnField;

import io.jcoro.samples.xml.SampleDocument;
import io.jcoro.xml.SaxSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * cothread.py: part of the bus pipeline runs on another thread. {@code threaded} is a stage
 * that puts every item in a bounded queue; a thread takes them out and sends them into the
 * rest of the chain. Parsing and filtering now overlap; the output is the same as buses'.
 * {@code cothread [BUSES|FILE]}.
 */
public final class CoThread {
    private CoThread() {
    }

    public static void run(PrintStream out, String... args) {
        try (InputStream doc = SampleDocument.open(200, args)) {
            SaxSource.parse(doc,
                    busesToDicts(
                    threaded(
                        filterOnField("route", "22",
                        filterOnField("direction", "North Bound",
                        busLocations(out))))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
