package io.jcoro.xml;

import io.jcoro.flow.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The course's cosax {@code EventHandler}: a SAX handler that pushes every parsing event into
 * a target as an {@link XmlEvent}. Text arrives from SAX in pieces; the handler joins the
 * pieces between two tags into one {@code TEXT} event. It does not close the target:
 * {@link SaxSource#parse} does that, or the caller when using the handler with its own parser.
 */
public class SaxEventHandler extends DefaultHandler {
    private final Target<? super XmlEvent> target;
    private final StringBuilder text = new StringBuilder();

    /** @param target where the events go */
    public SaxEventHandler(Target<? super XmlEvent> target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attrs) {
        flushText();
        target.send(XmlEvent.start(qName, attributes(attrs)));
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        text.append(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        flushText();
        target.send(XmlEvent.end(qName));
    }

    @Override
    public void endDocument() {
        flushText();
    }

    private void flushText() {
        if (text.length() > 0) {
            String t = text.toString();
            text.setLength(0);
            target.send(XmlEvent.text(t));
        }
    }

    private static Map<String, String> attributes(Attributes attrs) {
        int n = attrs.getLength();
        if (n == 0) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(attrs.getQName(i), attrs.getValue(i));
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
