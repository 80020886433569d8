package io.jcoro.benchmarks.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsWhatJmhWrites() {
        Object v = Json.parse("[ { \"benchmark\" : \"a.B.c\", \"params\" : { \"depth\" : \"10\" },"
                + " \"primaryMetric\" : { \"score\" : 1.5E1, \"scoreError\" : \"NaN\", \"x\" : [ -2, true, null ] } } ]");
        Map<?, ?> e = (Map<?, ?>) ((List<?>) v).get(0);
        assertEquals("a.B.c", e.get("benchmark"));
        assertEquals("10", ((Map<?, ?>) e.get("params")).get("depth"));
        Map<?, ?> pm = (Map<?, ?>) e.get("primaryMetric");
        assertEquals(15.0, pm.get("score"));
        assertEquals("NaN", pm.get("scoreError"));
        assertEquals(List.of(-2, true), ((List<?>) pm.get("x")).subList(0, 2));
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "tab\there \"quoted\" \\ \u0001");
        m.put("n", 3);
        m.put("list", List.of(1.5, false));
        m.put("nothing", null);
        m.put("nan", Double.NaN);
        String text = Json.write(m);
        assertEquals("{\"name\":\"tab\\there \\\"quoted\\\" \\\\ \\u0001\",\"n\":3,\"list\":[1.5,false],\"nothing\":null,"
                + "\"nan\":null}", text);
        Map<?, ?> back = (Map<?, ?>) Json.parse(text);
        assertEquals(m.get("name"), back.get("name"));
        assertEquals(3, back.get("n"));
    }

    @Test
    void namesWhereAnErrorIs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": [1, }"));
        assertTrue(e.getMessage().startsWith("bad JSON: Unexpected character ('}'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("at line 1, column 11"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
    }
}
