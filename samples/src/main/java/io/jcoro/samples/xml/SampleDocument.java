package io.jcoro.samples.xml;

import io.jcoro.xml.BusDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bus document the XML samples read, chosen by their first argument: a number of buses to
 * generate (in memory, as it is read), or the path of an allroutes.xml-style file; with no
 * argument, a generated document of the sample's own default size.
 */
public final class SampleDocument {
    private SampleDocument() {
    }

    /**
     * @param defaultBuses how many buses to generate when no argument says otherwise
     * @param args         the sample's arguments
     * @return the document, to be closed by the caller
     */
    public static InputStream open(int defaultBuses, String... args) {
        if (args.length == 0) {
            return BusDocument.ofBuses(defaultBuses).open();
        }
        if (args[0].matches("\\d+")) {
            return BusDocument.ofBuses(Long.parseLong(args[0])).open();
        }
        try {
            return Files.newInputStream(Path.of(args[0]));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + args[0], e);
        }
    }
}
