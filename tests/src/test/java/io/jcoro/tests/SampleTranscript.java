package io.jcoro.tests;

import io.jcoro.samples.Samples;
import io.jcoro.xml.BusDocument;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Test helper: what a sample prints, and the bus lines the bus samples should print. */
public final class SampleTranscript {
    private SampleTranscript() {
    }

    /**
     * @param sample a sample's name in the runner's lists
     * @param args   its arguments
     * @return everything it printed
     */
    public static String run(String sample, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Samples.named(sample).run(out, args);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The course's bus_locations lines for the route 22 North Bound buses of a generated
     * document, worked out from the generator's fields without any pipeline.
     *
     * @param buses how many buses the document has (default seed)
     * @param idFirst iterbus's order (id, then route) instead of buses' (route, then id)
     * @return the expected transcript
     */
    public static String route22NorthBound(int buses, boolean idFirst) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < buses; i++) {
            Map<String, String> bus = BusDocument.bus(BusDocument.DEFAULT_SEED, i);
            if (bus.get("route").equals("22") && bus.get("direction").equals("North Bound")) {
                String first = idFirst ? bus.get("id") + ",22" : "22," + bus.get("id");
                b.append(first).append(",\"North Bound\",").append(bus.get("latitude")).append(',')
                        .append(bus.get("longitude")).append('\n');
            }
        }
        return b.toString();
    }
}
