package io.jcoro.xml;

import io.jcoro.flow.Sources;
import io.jcoro.flow.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses a document with the JDK's SAX parser and pushes its events into a pipeline
 * ({@code xml.sax.parse(f, EventHandler(target))}): the source of the course's cosax and buses.
 * The target is closed at the end of the document, and also when parsing fails, so the
 * pipeline never stays half-alive.
 *
 * <p>Documents with a DTD ({@code <!DOCTYPE}) are refused, so only XML's five predefined
 * entities can occur; they expand one to one, so the JDK's entity size limits (which since
 * JDK 24 count every {@code &amp;amp;} and stop a document at 100,000 of them) are lifted, and
 * documents of any size stream through.
 *
 * <pre>{@code
 * SaxSource.parse(Path.of("allroutes.xml"),
 *         Buses.busesToDicts(
 *         Buses.filterOnField("route", "22",
 *         Buses.busLocations(System.out))));
 * }</pre>
 */
public final class SaxSource {
    private SaxSource() {
    }

    /**
     * @param file   the document
     * @param target the head of the pipeline; closed when this returns or throws
     * @throws XmlSyntaxException        if the document is malformed
     * @throws UncheckedIOException      if it cannot be read
     * @throws io.jcoro.flow.StageException if a stage fails
     */
    public static void parse(Path file, Target<? super XmlEvent> target) {
        DocumentFile.parse(file, target, SaxSource::parse);
    }

    /**
     * @param in     the document (not closed)
     * @param target the head of the pipeline; closed when this returns or throws
     * @throws XmlSyntaxException        if the document is malformed
     * @throws UncheckedIOException      if it cannot be read
     * @throws io.jcoro.flow.StageException if a stage fails
     */
    public static void parse(InputStream in, Target<? super XmlEvent> target) {
        try {
            newParser().parse(in, new SaxEventHandler(target));
        } catch (SAXParseException e) {
            fail(target, new XmlSyntaxException(e.getMessage(), e.getLineNumber(), e.getColumnNumber(), e));
        } catch (SAXException e) {
            Exception inner = e.getException();
            fail(target, inner instanceof RuntimeException re ? re
                    : new IllegalStateException("SAX parsing failed: " + e.getMessage(), e));
        } catch (IOException e) {
            fail(target, new UncheckedIOException("cannot read the document: " + e.getMessage(), e));
        } catch (RuntimeException | Error e) {
            Sources.closeAfterFailure(target, e);
            throw e;
        }
        target.close();
    }

    private static void fail(Target<?> target, RuntimeException failure) {
        Sources.closeAfterFailure(target, failure);
        throw failure;
    }

    /**
     * A SAX parser configured as this source uses it: not namespace aware, secure processing,
     * DTDs refused, entity size limits lifted. For programs with their own handler that should
     * read the same documents (the JDK's default parser stops at 100,000 {@code &amp;amp;} since
     * JDK 24).
     *
     * @return a new parser
     * @throws IllegalStateException if the JDK's parser cannot be configured so
     */
    public static SAXParser newParser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            SAXParser parser = factory.newSAXParser();
            for (String limit : EntityLimits.PROPERTIES) {
                try {
                    parser.setProperty(limit, "0");
                } catch (SAXException notThisParser) {
                    // another implementation, without the JDK's limits
                }
            }
            return parser;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot configure the SAX parser: " + e.getMessage(), e);
        }
    }
}
