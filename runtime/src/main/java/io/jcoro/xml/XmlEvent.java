package io.jcoro.xml;

import java.util.Map;
import java.util.Objects;

/**
 * One XML parsing event, the course's {@code (event, value)} tuple: an element starts (with its
 * name and attributes), some text, or an element ends. {@link SaxSource} and
 * {@link StaxSource} both produce these, so stages written against them run on either.
 *
 * <p>Text is coalesced: all the character data between two tags (including what entities and
 * CDATA sections contribute) arrives as one {@code TEXT} event, so the stream of events for a
 * document does not depend on the parser or its buffer boundaries. Whitespace between
 * elements is text too.
 *
 * @param kind       what happened
 * @param value      the element name for {@code START} and {@code END}, the text for {@code TEXT}
 * @param attributes the attributes of a {@code START}, in document order; empty otherwise
 */
public record XmlEvent(Kind kind, String value, Map<String, String> attributes) {

    /** What an event reports. */
    public enum Kind {
        /** An element starts: {@code ('start', (name, attrs))}. */
        START,
        /** Character data: {@code ('text', text)}. */
        TEXT,
        /** An element ends: {@code ('end', name)}. */
        END
    }

    /**
     * @param kind       what happened
     * @param value      the element name, or the text
     * @param attributes the attributes of a start, else empty
     */
    public XmlEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        attributes = attributes.isEmpty() ? Map.of() : attributes;
    }

    /**
     * @param name       the element name
     * @param attributes its attributes (not copied: pass an unmodifiable map)
     * @return a {@code START} event
     */
    public static XmlEvent start(String name, Map<String, String> attributes) {
        return new XmlEvent(Kind.START, name, attributes);
    }

    /**
     * @param text the character data
     * @return a {@code TEXT} event
     */
    public static XmlEvent text(String text) {
        return new XmlEvent(Kind.TEXT, text, Map.of());
    }

    /**
     * @param name the element name
     * @return an {@code END} event
     */
    public static XmlEvent end(String name) {
        return new XmlEvent(Kind.END, name, Map.of());
    }

    /**
     * @param name an element name
     * @return whether this is the start of such an element
     */
    public boolean isStart(String name) {
        return kind == Kind.START && value.equals(name);
    }

    /**
     * @param name an element name
     * @return whether this is the end of such an element
     */
    public boolean isEnd(String name) {
        return kind == Kind.END && value.equals(name);
    }

    /** @return the event as the course's cosax printer shows it, such as {@code ('end', 'id')} */
    @Override
    public String toString() {
        switch (kind) {
            case START:
                return "('start', (" + quote(value) + ", " + dict(attributes) + "))";
            case TEXT:
                return "('text', " + quote(value) + ")";
            default:
                return "('end', " + quote(value) + ")";
        }
    }

    private static String dict(Map<String, String> attributes) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
        }
        return b.append('}').toString();
    }

    /**
     * @param s a string
     * @return it as a Python string literal, as {@code repr} writes it
     */
    public static String quote(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n':
                    b.append("\\n");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                default:
                    if (c == q) {
                        b.append('\\');
                    }
                    b.append(c);
            }
        }
        return b.append(q).toString();
    }
}
