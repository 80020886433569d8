package io.jcoro.samples.xml;

import static io.jcoro.xml.Buses.busesToDicts;
import static io.jcoro.xml.Buses.filterOnField;

import io.jcoro.core.Co;
import io.jcoro.flow.Stage;
import io.jcoro.xml.BusDocument;
import io.jcoro.xml.SaxSource;
import io.jcoro.xml.StaxSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The course's point about coexpat, measured: the same generated bus document (held in
 * memory) through the route 22 North Bound pipeline fed by SAX and by StAX, against a
 * hand-written SAX handler that does the same work with no coroutines; and, for scale, each
 * parser alone with nothing to do. Each way runs {@code ROUNDS} times, interleaved; the best
 * run counts. {@code xmlbench [MB [ROUNDS]]}, default 50 MB and 3 rounds.
 */
public final class XmlBench {
    private XmlBench() {
    }

    /** The bus stages over either parser; returns how many buses matched. */
    static long coroutines(boolean stax, InputStream doc) {
        long[] matched = new long[1];
        Stage<Map<String, String>> count = Stage.of("count", () -> {
            while (true) {
                Co.receive();
                matched[0]++;
            }
        });
        Stage<io.jcoro.xml.XmlEvent> head = busesToDicts(
                filterOnField("route", "22",
                filterOnField("direction", "North Bound", count)));
        if (stax) {
            StaxSource.parse(doc, head);
        } else {
            SaxSource.parse(doc, head);
        }
        return matched[0];
    }

    /** The same work in one SAX handler object: its fields are the state the loops keep. */
    static final class BusHandler extends DefaultHandler {
        private final StringBuilder fragments = new StringBuilder();
        private Map<String, String> busdict;
        long matched;

        @Override
        public void startElement(String uri, String localName, String name, Attributes attrs) {
            if (name.equals("bus")) {
                busdict = new LinkedHashMap<>();
            }
            fragments.setLength(0);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (busdict != null) {
                fragments.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String name) {
            if (busdict == null) {
                return;
            }
            if (!name.equals("bus")) {
                busdict.put(name, fragments.toString());
            } else {
                if ("22".equals(busdict.get("route")) && "North Bound".equals(busdict.get("direction"))) {
                    matched++;
                }
                busdict = null;
            }
        }
    }

    static long handWritten(InputStream doc) {
        BusHandler handler = new BusHandler();
        parseSax(doc, handler);
        return handler.matched;
    }

    static long saxAlone(InputStream doc) {
        parseSax(doc, new DefaultHandler());
        return 0;
    }

    /** Runs a new SAX parser over {@code doc} into {@code handler}, its failures unchecked. */
    private static void parseSax(InputStream doc, DefaultHandler handler) {
        try {
            SaxSource.newParser().parse(doc, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    static long staxAlone(InputStream doc) {
        try {
            XMLStreamReader reader = StaxSource.newReader(doc);
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return 0;
    }

    public static void run(PrintStream out, String... args) {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(mb << 20);
        BusDocument.ofSize((long) mb << 20).writeTo(buffer);
        byte[] doc = buffer.toByteArray();
        out.printf("xmlbench: a generated bus document of %,d bytes in memory, best of %d rounds%n",
                doc.length, rounds);

        String[] names = {"SAX  -> coroutine stages", "StAX -> coroutine stages", "SAX hand-written handler",
            "(SAX alone, empty handler)", "(StAX alone, empty loop)"};
        List<ToLongFunction<InputStream>> ways = List.of(
                in -> coroutines(false, in),
                in -> coroutines(true, in),
                XmlBench::handWritten,
                XmlBench::saxAlone,
                XmlBench::staxAlone);
        long[] best = new long[ways.size()];
        long[] matched = new long[ways.size()];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        for (int round = 0; round < rounds; round++) {
            for (int w = 0; w < ways.size(); w++) {
                long start = System.nanoTime();
                matched[w] = ways.get(w).applyAsLong(new ByteArrayInputStream(doc));
                best[w] = Math.min(best[w], System.nanoTime() - start);
            }
        }
        for (int w = 0; w < ways.size(); w++) {
            double seconds = best[w] / 1e9;
            out.printf("  %-26s %7.1f MB/s  (%.3f s%s)%n", names[w], doc.length / seconds / (1 << 20), seconds,
                    w < 3 ? ", " + matched[w] + " buses matched" : "");
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
