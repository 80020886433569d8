package io.jcoro.samples.xml;

import static io.jcoro.xml.Buses.busLocations;
import static io.jcoro.xml.Buses.busesToDicts;
import static io.jcoro.xml.Buses.filterOnField;

import io.jcoro.xml.StaxSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * coexpat.py: the same bus stages, unchanged, fed by another parser. Python used expat, which
 * beat SAX there; the JDK's other parser is StAX, whose events {@code StaxSource} pushes into
 * the pipeline (in the JDK it is no faster than SAX: see xmlbench). Reads a generated document
 * of 200 buses, or {@code coexpat [BUSES|FILE]}.
 */
public final class CoExpat {
    private CoExpat() {
    }

    public static void run(PrintStream out, String... args) {
        try (InputStream doc = SampleDocument.open(200, args)) {
            StaxSource.parse(doc,
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
