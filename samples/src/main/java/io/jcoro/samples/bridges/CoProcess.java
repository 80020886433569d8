package io.jcoro.samples.bridges;

import static io.jcoro.xml.Buses.busesToDicts;

import io.jcoro.bridge.ChildJvm;
import io.jcoro.bridge.Codec;
import io.jcoro.bridge.Coprocess;
import io.jcoro.samples.xml.SampleDocument;
import io.jcoro.xml.SaxSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * coprocess.py: the bus pipeline split across two processes. This one parses and makes the
 * bus dicts; {@code sendto} writes them down a pipe to a child JVM running busproc, which
 * filters and prints them (its output is copied here). The items cross in a small documented
 * format of string maps, not Java serialization. {@code coprocess [BUSES|FILE]}.
 */
public final class CoProcess {
    private CoProcess() {
    }

    public static void run(PrintStream out, String... args) {
        Coprocess<Map<String, String>> busproc =
                Coprocess.start(ChildJvm.command(BusProc.class), Codec.stringMaps(), out);
        try (InputStream doc = SampleDocument.open(200, args)) {
            SaxSource.parse(doc,
                    busesToDicts(
                    busproc));             // closing it ends the stream and waits for the child
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
