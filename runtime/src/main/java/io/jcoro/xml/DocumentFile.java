package io.jcoro.xml;

import io.jcoro.flow.Sources;
import io.jcoro.flow.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening a document file for either source, with the same failure handling. */
final class DocumentFile {
    /** A source's parse of an open stream. */
    interface StreamParser {
        void parse(InputStream in, Target<? super XmlEvent> target);
    }

    private DocumentFile() {
    }

    /**
     * Parses {@code file} with {@code parser}; if it cannot be opened, the target is closed and
     * the failure thrown, as when parsing fails.
     */
    static void parse(Path file, Target<? super XmlEvent> target, StreamParser parser) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("cannot read " + file, e);
            Sources.closeAfterFailure(target, failure);
            throw failure;
        }
        try (in) {
            parser.parse(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
