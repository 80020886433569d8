package io.jcoro.samples.xml;

import io.jcoro.xml.StaxSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * iterbus.py: the comparison without coroutines. Python used ElementTree's iterparse; here a
 * StAX reader is pulled in a loop that builds each bus's dict itself. Note the order: id, then
 * route, as iterbus.py prints. Reads a generated document of 200 buses, or
 * {@code iterbus [BUSES|FILE]}.
 *
 * <p>As {@code dict((child.tag, child.text) for child in elem)} does, a bus's dict has one entry
 * per direct child, holding the child's text up to its first element of its own (the
 * walk-through's sample has {@code <route>} holding {@code <morning>} and {@code <evening>}:
 * its text is then the blank before them, and they are not entries), null if it has none.
 */
public final class IterBus {
    private IterBus() {
    }

    public static void run(PrintStream out, String... args) {
        try (InputStream doc = SampleDocument.open(200, args)) {
            XMLStreamReader r = StaxSource.newReader(doc);
            Map<String, String> busdict = null;
            int depth = 0;              // inside a bus: 1 in the bus itself, 2 in one of its children
            String child = null;        // the child whose text is being collected, if any
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (busdict == null) {
                        if (r.getLocalName().equals("bus")) {
                            busdict = new LinkedHashMap<>();
                            depth = 1;
                        }
                        continue;
                    }
                    depth++;
                    if (depth == 2) {
                        child = r.getLocalName();
                        text.setLength(0);
                    } else if (child != null) {
                        busdict.put(child, textOrNull(text));    // the child's text ends at its first element
                        child = null;
                    }
                } else if (busdict != null && (event == XMLStreamConstants.CHARACTERS
                        || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                    if (child != null) {
                        text.append(r.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && busdict != null) {
                    if (depth == 2 && child != null) {
                        busdict.put(child, textOrNull(text));
                        child = null;
                    } else if (depth == 1) {
                        if ("22".equals(busdict.get("route")) && "North Bound".equals(busdict.get("direction"))) {
                            out.println(busdict.get("id") + "," + busdict.get("route") + ",\"" + busdict.get("direction")
                                    + "\"," + busdict.get("latitude") + "," + busdict.get("longitude"));
                        }
                        busdict = null;
                    }
                    depth--;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOrNull(StringBuilder text) {
        return text.length() == 0 ? null : text.toString();
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
