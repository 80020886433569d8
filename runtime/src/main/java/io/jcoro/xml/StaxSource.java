package io.jcoro.xml;

import io.jcoro.flow.Sources;
import io.jcoro.flow.Target;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses a document with StAX (the JDK's streaming pull parser) and pushes its events into a
 * pipeline: the course's coexpat, a second parser driving the same stages. It produces exactly
 * the events {@link SaxSource} does, so the same stages run on either. (In Python, expat beat
 * SAX; in the JDK both parsers share one scanner, and SAX is as fast or slightly faster, as the
 * {@code xmlbench} sample shows. Choose by taste, or by what the rest of the program uses.)
 * The target is closed at the end of the document and when parsing fails.
 *
 * <p>As {@link SaxSource} does, it refuses a document with a DTD ({@code <!DOCTYPE}, an
 * {@link XmlSyntaxException} at its line and column), so only the predefined entities can
 * occur and the JDK's entity size limits are lifted; and a badly encoded byte is an
 * {@link XmlSyntaxException}, with nothing printed on standard error.
 */
public final class StaxSource {
    private static final XMLInputFactory FACTORY = newFactory();

    private StaxSource() {
    }

    /**
     * @param file   the document
     * @param target the head of the pipeline; closed when this returns or throws
     * @throws XmlSyntaxException        if the document is malformed
     * @throws UncheckedIOException      if it cannot be read
     * @throws io.jcoro.flow.StageException if a stage fails
     */
    public static void parse(Path file, Target<? super XmlEvent> target) {
        DocumentFile.parse(file, target, StaxSource::parse);
    }

    /**
     * @param in     the document (not closed)
     * @param target the head of the pipeline; closed when this returns or throws
     * @throws XmlSyntaxException        if the document is malformed
     * @throws UncheckedIOException      if it cannot be read
     * @throws io.jcoro.flow.StageException if a stage fails
     */
    public static void parse(InputStream in, Target<? super XmlEvent> target) {
        XMLStreamReader reader;
        try {
            reader = newReader(in);
            pump(reader, target);
            reader.close();
        } catch (XmlSyntaxException e) {
            Sources.closeAfterFailure(target, e);
            throw e;
        } catch (XMLStreamException e) {
            XmlSyntaxException failure = syntaxError(e);
            Sources.closeAfterFailure(target, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            Sources.closeAfterFailure(target, e);
            throw e;
        }
        target.close();
    }

    /**
     * A StAX reader configured as this source uses it: not namespace aware, DTDs and external
     * entities off, entity size limits lifted (text is not coalesced: adjacent text events are
     * possible), the document decoded strictly so a bad byte prints nothing. For programs that
     * pull events themselves from the same documents; a {@code DOCTYPE} comes to them as a
     * {@code DTD} event, which they may refuse as this source does.
     *
     * @param in the document
     * @return a reader over it
     * @throws XMLStreamException if the reader cannot be created
     */
    public static XMLStreamReader newReader(InputStream in) throws XMLStreamException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        Reader chars;
        try {
            chars = DocumentReader.open(buffered);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document: " + e.getMessage(), e);
        }
        return chars != null ? FACTORY.createXMLStreamReader(chars) : FACTORY.createXMLStreamReader(buffered);
    }

    private static void pump(XMLStreamReader reader, Target<? super XmlEvent> target)
            throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT:
                    flush(text, target);
                    target.send(XmlEvent.start(name(reader), attributes(reader)));
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    flush(text, target);
                    target.send(XmlEvent.end(name(reader)));
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    break;
                case XMLStreamConstants.DTD:
                    // SAX refuses it (disallow-doctype-decl); StAX would skip it and fail later, or not.
                    Location at = reader.getLocation();
                    throw new XmlSyntaxException("DOCTYPE is not allowed: documents with a DTD are refused",
                            at.getLineNumber(), at.getColumnNumber(), null);
                default:
                    break;
            }
        }
        flush(text, target);
    }

    private static void flush(StringBuilder text, Target<? super XmlEvent> target) {
        if (text.length() > 0) {
            String t = text.toString();
            text.setLength(0);
            target.send(XmlEvent.text(t));
        }
    }

    private static String name(XMLStreamReader reader) {
        String prefix = reader.getPrefix();
        String local = reader.getLocalName();
        return prefix == null || prefix.isEmpty() ? local : prefix + ':' + local;
    }

    private static String name(QName name) {
        String prefix = name.getPrefix();
        return prefix == null || prefix.isEmpty() ? name.getLocalPart() : prefix + ':' + name.getLocalPart();
    }

    private static Map<String, String> attributes(XMLStreamReader reader) {
        int n = reader.getAttributeCount();
        if (n == 0) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(name(reader.getAttributeName(i)), reader.getAttributeValue(i));
        }
        return Collections.unmodifiableMap(map);
    }

    /** StAX puts "ParseError at [row,col]:[l,c]\nMessage: " before the reason; keep the reason. */
    private static XmlSyntaxException syntaxError(XMLStreamException e) {
        for (Throwable c = e.getCause() != null ? e.getCause() : e.getNestedException(); c != null; c = c.getCause()) {
            if (c instanceof DocumentReader.BadEncoding bad) {
                return new XmlSyntaxException(bad.getMessage(), bad.line, bad.column, e);
            }
        }
        String reason = String.valueOf(e.getMessage());
        int m = reason.indexOf("Message: ");
        if (m >= 0) {
            reason = reason.substring(m + "Message: ".length());
        }
        Location at = e.getLocation();
        return new XmlSyntaxException(reason.strip(), at == null ? -1 : at.getLineNumber(),
                at == null ? -1 : at.getColumnNumber(), e);
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Text is joined here, between tags, so the reader need not coalesce it too.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        for (String limit : EntityLimits.PROPERTIES) {
            try {
                factory.setProperty(limit, "0");
            } catch (IllegalArgumentException notThisParser) {
                // another implementation, without the JDK's limits
            }
        }
        return factory;
    }
}
