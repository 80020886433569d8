package io.jcoro.samples.xml;

import io.jcoro.flow.Sinks;
import io.jcoro.xml.SaxEventHandler;
import io.jcoro.xml.SaxSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.xml.sax.SAXException;

/**
 * cosax.py: a SAX handler that pushes every event into a coroutine, here a printer, as
 * {@code ('start', (name, attrs))}, {@code ('text', text)} and {@code ('end', name)}. Reads a
 * generated document of 2 buses, or {@code cosax [BUSES|FILE]}.
 */
public final class CoSax {
    private CoSax() {
    }

    public static void run(PrintStream out, String... args) {
        try (InputStream doc = SampleDocument.open(2, args)) {
            SaxSource.newParser().parse(doc,
                    new SaxEventHandler(Sinks.printer(out)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
