package io.jcoro.samples.xml;

import io.jcoro.xml.SaxSource;
import io.jcoro.xml.XmlEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * basicsax.py: the SAX interface on its own (no coroutines): the parser calls a handler's
 * methods as it goes. Reads a generated document of 2 buses, or {@code basicsax [BUSES|FILE]}.
 */
public final class BasicSax {
    private BasicSax() {
    }

    static final class MyHandler extends DefaultHandler {
        private final PrintStream out;

        MyHandler(PrintStream out) {
            this.out = out;
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attrs) {
            out.println("startElement " + name);
        }

        @Override
        public void endElement(String uri, String localName, String name) {
            out.println("endElement " + name);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            String repr = XmlEvent.quote(new String(ch, start, length));
            out.println("characters " + repr.substring(0, Math.min(40, repr.length())));
        }
    }

    public static void run(PrintStream out, String... args) {
        try (InputStream doc = SampleDocument.open(2, args)) {
            SaxSource.newParser().parse(doc, new MyHandler(out));
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
