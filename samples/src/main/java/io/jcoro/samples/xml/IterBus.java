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
 */
public final class IterBus {
    private IterBus() {
    }

    public static void run(PrintStream out, String... args) {
        try (InputStream doc = SampleDocument.open(200, args)) {
            XMLStreamReader r = StaxSource.newReader(doc);
            Map<String, String> busdict = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (r.getLocalName().equals("bus")) {
                        busdict = new LinkedHashMap<>();
                    } else if (busdict != null) {
                        busdict.put(r.getLocalName(), r.getElementText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("bus")) {
                    if ("22".equals(busdict.get("route")) && "North Bound".equals(busdict.get("direction"))) {
                        out.println(busdict.get("id") + "," + busdict.get("route") + ",\"" + busdict.get("direction")
                                + "\"," + busdict.get("latitude") + "," + busdict.get("longitude"));
                    }
                    busdict = null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
