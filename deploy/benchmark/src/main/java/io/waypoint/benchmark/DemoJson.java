package io.waypoint.benchmark;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object from alternating names and values, instants as ISO-8601 text (as the demo writes them). */
final class DemoJson {

    private DemoJson() {
    }

    static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must pair up");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            json.put((String) namesAndValues[i], value instanceof Instant instant ? instant.toString() : value);
        }
        return json;
    }
}
